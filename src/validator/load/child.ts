/**
 * Runs the loader harness in a child process and waits for its one message,
 * bounded in time: the extension's import cannot exit, hang or crash the CLI.
 *
 * @module
 */
import { fork } from 'node:child_process';
import { DEFAULT_LOAD_TIMEOUT_MS } from './limits.js';
import type { ChildMessage } from './protocol.js';

export { DEFAULT_LOAD_TIMEOUT_MS } from './limits.js';

/** How long the child may keep running after it replied before it counts as holding open handles. */
export const SETTLE_MS = 2_000;

/** Output kept from the child's stdout/stderr, for messages. */
const OUTPUT_CAP = 16 * 1024;

/** How the child ended. */
export type ChildOutcome =
  | { readonly kind: 'message'; readonly message: ChildMessage; readonly lingered: boolean }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stderr: string }
  | { readonly kind: 'spawn-failed'; readonly message: string };

/**
 * Forks `harness` on `bundle` with `cwd` = the project root and waits (at most
 * `timeoutMs`) for its reply. A child still alive {@link SETTLE_MS} after it
 * replied is killed and reported as `lingered` (open handles at import).
 */
export function runHarness(harness: string, bundle: string, root: string, timeoutMs = DEFAULT_LOAD_TIMEOUT_MS): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    let stderr = '';
    let message: ChildMessage | undefined;
    let done = false;
    let settleTimer: NodeJS.Timeout | undefined;
    const child = fork(harness, [bundle, root], {
      cwd: root,
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    const finish = (outcome: ChildOutcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(settleTimer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish(message ? { kind: 'message', message, lingered: true } : { kind: 'timeout', ms: timeoutMs }), timeoutMs);
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < OUTPUT_CAP) stderr += chunk.toString('utf8').slice(0, OUTPUT_CAP - stderr.length);
    });
    child.on('message', (raw) => {
      if (message || typeof raw !== 'string') return;
      try {
        message = JSON.parse(raw) as ChildMessage;
      } catch {
        return;
      }
      settleTimer = setTimeout(() => finish({ kind: 'message', message: message!, lingered: true }), SETTLE_MS);
    });
    child.on('error', (error) => finish({ kind: 'spawn-failed', message: error.message }));
    // 'close' (not 'exit'): every IPC message and stderr chunk has arrived by then.
    child.on('close', (code, signal) => {
      finish(message ? { kind: 'message', message, lingered: false } : { kind: 'exited', code, signal, stderr });
    });
  });
}
