/**
 * CPU time of whole processes, for the start-up rows: each candidate command runs
 * in interleaved rounds (A, B, C, A, B, C, …) so machine load hits a measurement
 * and its baseline alike, and the CPU time (user + system) of each run is read
 * with bash's `times` builtin, which reports the children's totals exactly.
 */
import { spawnSync } from 'node:child_process';

const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/** CPU milliseconds one run of `argv` took; throws unless it exits with `expect`. */
export function cpuMsOf(argv, { cwd, expect = 0, env } = {}) {
  const script = `${argv.map(shellQuote).join(' ')} >/dev/null 2>/tmp/imperal-bench-stderr; code=$?; times; exit $code`;
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== expect) throw new Error(`${argv.join(' ')} exited ${r.status} (expected ${expect})`);
  // `times` prints the shell's own line, then the children's: "0m0.123s 0m0.045s".
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`cannot read CPU time from: ${r.stdout}`);
  return (seconds[0] + seconds[1]) * 1000;
}

/**
 * Median and spread (min–max) of the CPU time of each candidate over `rounds`
 * interleaved rounds after one warm-up round. `candidates`: name → { argv, cwd?, expect? }.
 */
export function compareProcesses(candidates, { rounds = 15 } = {}) {
  const names = Object.keys(candidates);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round <= rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const ms = cpuMsOf(candidates[name].argv, candidates[name]);
      if (round > 0) samples[name].push(ms);
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const xs = samples[n].sort((a, b) => a - b);
      return [n, { median: xs[Math.floor(xs.length / 2)], min: xs[0], max: xs.at(-1) }];
    }),
  );
}

/** "min–max" of a measurement, for row names. */
export const spread = (m) => `${m.min.toFixed(0)}–${m.max.toFixed(0)} ms`;
