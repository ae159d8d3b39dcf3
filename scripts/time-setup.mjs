#!/usr/bin/env node
/**
 * Measures what a newcomer waits for: clone this repository's committed HEAD
 * into a fresh temporary folder (nothing beside it), then time the README's
 * set-up commands there — `npm ci`, then `npm run example` (the main job).
 *
 * Usage: `npm run time-setup [-- --budget 60] [--keep]`
 * Prints one line per step with its wall time and exits 1 when
 * `npm run example` takes longer than the budget (seconds, default 60).
 * `npm ci` reads the npm cache (`--prefer-offline`), so its time depends on the machine's cache.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { budget: { type: 'string', default: '60' }, keep: { type: 'boolean', default: false } } });
const budget = Number(values.budget);
if (!Number.isFinite(budget) || budget <= 0) {
  console.error(`--budget must be a positive number of seconds, got '${values.budget}'`);
  process.exit(2);
}

const repo = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imperal-setup-'));
const clone = join(work, 'sdk');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs one step with inherited stderr; returns its wall time in seconds (exits on failure). */
function step(label, cmd, args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    console.error(result.stdout?.toString() ?? '');
    console.error(`${label} failed (exit ${result.status}) in ${work}`);
    process.exit(1);
  }
  console.log(`${label.padEnd(22)} ${seconds.toFixed(1).padStart(6)} s`);
  return seconds;
}

try {
  step('git clone', 'git', ['clone', '--quiet', '--no-local', repo, clone], work);
  const install = step('npm ci', npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], clone);
  const example = step('npm run example', npm, ['run', 'example'], clone);
  console.log(`${'set-up total'.padEnd(22)} ${(install + example).toFixed(1).padStart(6)} s`);
  if (example > budget) {
    console.error(`npm run example took ${example.toFixed(1)} s, over the ${budget} s budget`);
    process.exitCode = 1;
  }
} finally {
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
