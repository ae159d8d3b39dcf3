/**
 * Benchmark: the cost of starting cold — importing the SDK, the CLI's start, and
 * registering many functions — each as a ratio to a baseline measured in the same
 * run (CPU time of whole processes, ≥ 15 interleaved rounds, median and spread);
 * plus the size of a production install and of the packed tarball.
 *
 * `run()` returns rows for bench/run.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compare, row } from './harness.mjs';
import { compareProcesses, spread } from './process-cpu.mjs';
import { directorySize } from './sizes.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'dist/cli/main.js');
const importOf = (spec) => ['node', '--input-type=module', '-e', `await import(${JSON.stringify(spec)})`];

function startupRows() {
  const m = compareProcesses({
    bare: { argv: ['node', '-e', ''] },
    zod: { argv: importOf('zod'), cwd: REPO },
    sdk: { argv: importOf(pathToFileURL(join(REPO, 'dist/index.js')).href) },
    testing: { argv: importOf(pathToFileURL(join(REPO, 'dist/testing/index.js')).href) },
    version: { argv: ['node', CLI, '--version'] },
    help: { argv: ['node', CLI, '--help'] },
  });
  const over = (name) => m[name].median - m.bare.median;
  return [
    row(`import('@imperal/sdk') over bare node (${spread(m.sdk)}) vs zod's`, over('sdk'), 'ms', over('zod'), '≤ 1.5x'),
    row(`import('@imperal/sdk/testing') over the main entry (target ≤ +30 ms)`, m.testing.median - m.sdk.median, 'ms'),
    row(`imperal --version (${spread(m.version)}) vs bare node`, m.version.median, 'ms', m.bare.median, '≤ 1.5x'),
    row(`imperal --help (${spread(m.help)}) vs bare node`, m.help.median, 'ms', m.bare.median, '≤ 1.5x'),
  ];
}

export async function registrationRow() {
  const { Extension, ChatExtension, ActionResult, z } = await import(pathToFileURL(join(REPO, 'dist/index.js')).href);
  const FUNCTIONS = 200;
  const handler = async () => ActionResult.success({});
  const schemas = () => Array.from({ length: FUNCTIONS }, (_, i) => z.object({ q: z.string().describe(`query ${i}`), limit: z.number().int().optional() }));
  let app = 0;
  const m = await compare(
    {
      schemas: () => schemas(),
      register: () => {
        const ext = new Extension(`bench-reg-${app++ % 1000}`, { version: '1.0.0' });
        const chat = new ChatExtension(ext, { toolName: 'bench' });
        schemas().forEach((params, i) => chat.fn(`f_${i}`, { description: `Function number ${i}.`, params })(handler));
      },
    },
    { batch: 5, rounds: 15, warmup: 3 },
  );
  return row(`register ${FUNCTIONS} chat functions vs building their zod schemas`, m.register / 1e6, 'ms', m.schemas / 1e6, '≤ 1.3x');
}

function sizeRows() {
  const work = mkdtempSync(join(tmpdir(), 'imperal-size-'));
  try {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' }));
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'prod', private: true, dependencies: { '@imperal/sdk': `file:${packed.filename}` } }));
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: work, stdio: 'ignore' });
    return [
      row('production install (npm install --omit=dev): node_modules (target ≤ 16 MB)', directorySize(join(work, 'node_modules')) / 2 ** 20, 'MB'),
      row('packed tarball (target ≤ 400 KB)', statSync(join(work, packed.filename)).size / 1024, 'KB'),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs the benchmark; returns its rows. */
export async function run() {
  return [...startupRows(), await registrationRow(), ...sizeRows()];
}
