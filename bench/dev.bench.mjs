/**
 * Benchmark: the `imperal dev` loop on examples/tasks-mini (a scratch copy).
 * - a source change reloaded and visible through /api/call (p50), against a plain
 *   esbuild rebuild of the same entry (goal: ≤ 1 s absolute);
 * - `imperal dev` ready to serve (first answer of /api/status with a loaded
 *   version), against a bare `node -e ''` start (goal: ≤ 2 s absolute).
 * Uses the built CLI in ../dist.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { row } from './harness.mjs';
import { startDevProcess } from '../scripts/dev-process.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const EDITS = 9;
const STARTS = 3;
const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'imperal-dev-bench-'));
  for (const f of ['src', 'icon.svg', 'package.json', 'tsconfig.json']) cpSync(join(REPO, 'examples/tasks-mini', f), join(dir, f), { recursive: true });
  mkdirSync(join(dir, 'node_modules/@imperal'), { recursive: true });
  symlinkSync(REPO, join(dir, 'node_modules/@imperal/sdk'), 'dir');
  return dir;
}

async function summary(url) {
  const res = await fetch(new URL('api/call', url), { method: 'POST', body: JSON.stringify({ function: 'list_tasks', params: {} }) });
  return (await res.json()).summary;
}

async function until(probe, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out');
}

async function reloadTimes(dir, url) {
  const file = join(dir, 'src/extension.ts');
  const original = readFileSync(file, 'utf8');
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const marker = `task(s) edit ${i}`;
    const t0 = performance.now();
    writeFileSync(file, original.replace('`${tasks.length} task(s)`', `\`\${tasks.length} ${marker}\``));
    await until(async () => (await summary(url)).endsWith(marker));
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
  writeFileSync(file, original);
  return times;
}

async function rebuildTimes(dir) {
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const t0 = performance.now();
    await build({ entryPoints: [join(dir, 'src/extension.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, logLevel: 'silent' });
    times.push(performance.now() - t0);
  }
  return times;
}

async function startTimes(dir) {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const data = mkdtempSync(join(tmpdir(), 'imperal-dev-bench-data-'));
    const t0 = performance.now();
    const dev = await startDevProcess(dir, data);
    await until(async () => (await (await fetch(new URL('api/status', dev.url))).json()).version >= 1);
    times.push(performance.now() - t0);
    await dev.stop();
    rmSync(data, { recursive: true, force: true });
  }
  return times;
}

function nodeStartTimes() {
  const times = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    times.push(performance.now() - t0);
  }
  return times;
}

export async function run() {
  const dir = project();
  const data = mkdtempSync(join(tmpdir(), 'imperal-dev-bench-data-'));
  try {
    const dev = await startDevProcess(dir, data);
    let reload;
    try {
      await summary(dev.url);
      reload = p50(await reloadTimes(dir, dev.url));
    } finally {
      await dev.stop();
    }
    const rebuild = p50(await rebuildTimes(dir));
    const ready = p50(await startTimes(dir));
    const bare = p50(nodeStartTimes());
    return [
      row('dev: source change reloaded and visible, p50 (vs esbuild rebuild)', reload, 'ms', rebuild, '≤ 1000 ms absolute'),
      row('dev: `imperal dev` ready on tasks-mini, p50 (vs bare node start)', ready, 'ms', bare, '≤ 2000 ms absolute'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}
