/**
 * Benchmark: `imperal validate` on a generated extension with 200 chat
 * functions: CPU time of the whole command against bare node (the issue's
 * target, ≤ 4×) and against importing the same extension bundled the same way
 * (what any loader has to pay). ≥ 15 interleaved rounds, median and spread.
 * Uses the built CLI in ../dist.
 *
 * `run()` returns rows `{ name, value, unit, baseline, ratio }` for bench/run.mjs.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { row } from './harness.mjs';
import { compareProcesses, spread } from './process-cpu.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(REPO, 'dist/cli/main.js');
const FUNCTIONS = 200;
const ROUNDS = 15;

/** Source of an extension with `n` documented, typed chat functions. */
export function extensionSource(n) {
  const fns = Array.from({ length: n }, (_, i) => `
  /** Looks up item ${i}. */
  @chat.fn('look_up_${i}', { description: 'Look up item number ${i} for the user.', actionType: 'read', params: Params, returns: Result })
  static async lookUp${i}(_ctx: Context, p: z.infer<typeof Params>): Promise<ActionResult<{ ok: boolean }>> {
    return ActionResult.success({ ok: p.q.length > ${i} }, { summary: 'done' });
  }`).join('\n');
  return `import { Extension, ChatExtension, ActionResult, HealthStatus, z } from '@imperal/sdk';
import type { Context } from '@imperal/sdk';

export const ext = new Extension('bench-app', {
  version: '1.0.0', displayName: 'Bench App', icon: 'icon.svg', actionsExplicit: true,
  description: 'A generated extension with many chat functions, for the validator benchmark.',
  capabilities: ['bench-app:read'],
});
export const chat = new ChatExtension(ext, { toolName: 'bench', description: 'Bench functions' });
const Params = z.object({ q: z.string() });
const Result = z.object({ ok: z.boolean() });

export class Handlers {${fns}

  /** Setup. */
  @ext.onInstall()
  static async install(_ctx: Context): Promise<void> {}

  /** Health. */
  @ext.healthCheck()
  static async health(): Promise<HealthStatus> {
    return HealthStatus.ok();
  }
}
`;
}

/** Runs the benchmark; returns its rows. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'imperal-bench-'));
  try {
    mkdirSync(join(dir, 'src'));
    mkdirSync(join(dir, 'node_modules/@imperal'), { recursive: true });
    symlinkSync(REPO, join(dir, 'node_modules/@imperal/sdk'), 'dir');
    writeFileSync(join(dir, 'src/index.ts'), extensionSource(FUNCTIONS));
    writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24"/></svg>');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-app', type: 'module', private: true }));

    // The same bundle the validator imports: esbuild, node platform, packages external.
    const bundle = join(dir, 'node_modules/.cache/bundle.mjs');
    await build({ absWorkingDir: dir, entryPoints: ['src/index.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' });
    // CPU time of whole processes (the loader child and esbuild's service included), interleaved.
    // Exit 0: only V8 (no imperal.json) is expected on the generated extension.
    const m = compareProcesses({
      bare: { argv: ['node', '-e', ''], cwd: dir },
      importOnly: { argv: ['node', '--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(bundle).href)})`], cwd: dir },
      validate: { argv: ['node', CLI, 'validate', dir, '--json'], cwd: dir },
    }, { rounds: ROUNDS });
    return [
      row(`imperal validate, ${FUNCTIONS} chat functions (${spread(m.validate)}) vs bare node`, m.validate.median, 'ms', m.bare.median, '≤ 4x'),
      row(`  the same vs importing its bundle (${spread(m.importOnly)}), what any loader pays`, m.validate.median, 'ms', m.importOnly.median),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await run());
}
