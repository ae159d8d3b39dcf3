/**
 * `imperal serve` worker PROCESSES (the built CLI, dist/cli/main.js) for the
 * multi-process tests, and write counting in the LocalGateway they call.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LocalGateway } from '../../../src/testing/gateway/index.js';

const CLI = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

/** A running worker process. */
export interface Worker {
  readonly child: ChildProcess;
  /** Every stdout/stderr line so far. */
  readonly lines: string[];
  /** Resolves with the exit code (or the signal name). */
  readonly exited: Promise<number | string>;
}

/** Starts `imperal serve <entry> <args…>` and waits (≤ 90 s) for its start line. */
export async function startWorker(entry: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Worker> {
  const child = spawn(process.execPath, [CLI, 'serve', entry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = '';
    stream.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (line.includes('imperal serve:')) started();
      }
    });
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    ready,
    exited.then((code) => Promise.reject(new Error(`worker exited (${code}) before starting:\n${lines.join('\n')}`))),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`worker did not start within 90 s:\n${lines.join('\n')}`)), 90_000))),
  ]).finally(() => clearTimeout(timer));
  return { child, lines, exited };
}

/** How many times the gateway stored a `writes` document for each `n`. */
export function writesByN(gateway: LocalGateway): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of gateway.requests) {
    if (r.method !== 'POST' || r.path !== '/v1/internal/store') continue;
    const body = JSON.parse(r.body.toString('utf8')) as { collection?: string; data?: { n?: number } };
    if (body.collection !== 'writes' || typeof body.data?.n !== 'number') continue;
    out.set(body.data.n, (out.get(body.data.n) ?? 0) + 1);
  }
  return out;
}
