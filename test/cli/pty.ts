/**
 * Runs the built `imperal` CLI on a real pseudo-terminal (util-linux `script`, or
 * Python's `pty` module where `script` is the BSD one, as on macOS), so stdin,
 * stdout and stderr are all TTYs, and drives it with keystrokes.
 * Every wait is bounded; the process is killed when a test is done with it.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { REPO } from './helpers.js';

/** Keystrokes as a terminal sends them. */
export const KEY = { up: '\x1b[A', down: '\x1b[B', enter: '\r', backspace: '\x7f', ctrlC: '\x03' } as const;

/** A CLI process on a pseudo-terminal. */
export interface PtyRun {
  /** Everything the terminal showed so far, escape sequences removed. */
  screen(): string;
  /** Waits until the screen (after what earlier waits matched) shows `text`; throws with the screen after `ms`. */
  waitFor(text: string, ms?: number): Promise<void>;
  /** Types `keys`. */
  send(keys: string): void;
  /** The CLI's exit code; throws with the screen when it takes longer than `ms`. */
  exit(ms?: number): Promise<number>;
  /** Kills the process (no-op once it has exited). */
  kill(): void;
}

const quote = (arg: string): string => `'${arg.replace(/'/g, "'\\''")}'`;

// Python's pty.spawn does what `script -qfec <command> /dev/null` does: the command on a new
// pseudo-terminal, our pipes copied to and from it, its exit code passed on.
const PYTHON_PTY = "import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(['/bin/sh', '-c', sys.argv[1]])))";
let launcher: ((command: string) => [string, string[]]) | undefined;

/** How to run a shell command on a pseudo-terminal here (found once). */
function ptyLauncher(): (command: string) => [string, string[]] {
  if (launcher) return launcher;
  // IMPERAL_TEST_PTY=python tries the fallback on a machine that has util-linux too.
  const utilLinux = process.env.IMPERAL_TEST_PTY === 'python' ? { status: 1, stdout: '' } : spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (utilLinux.status === 0 && /util-linux/.test(utilLinux.stdout)) return (launcher = (command) => ['script', ['-qfec', command, '/dev/null']]);
  const python = spawnSync('python3', ['-c', 'import pty, os; os.waitstatus_to_exitcode'], { encoding: 'utf8' });
  if (python.status === 0) return (launcher = (command) => ['python3', ['-c', PYTHON_PTY, command]]);
  throw new Error('these tests need a pseudo-terminal: install util-linux (script) or Python 3.9+');
}

/** Starts `imperal <args>` in `cwd` on a 200×50 pseudo-terminal (wide enough that no message wraps) with `env` (CI is removed unless `env` sets it). */
export function runInPty(args: readonly string[], cwd: string, env: Record<string, string> = {}): PtyRun {
  const { CI: _ci, ...base } = process.env;
  const command = `stty cols 200 rows 50 2>/dev/null; exec ${[process.execPath, join(REPO, 'dist/cli/main.js'), ...args].map(quote).join(' ')}`;
  const [program, programArgs] = ptyLauncher()(command);
  const child: ChildProcessWithoutNullStreams = spawn(program, programArgs, { cwd, env: { ...base, TERM: 'xterm-256color', ...env } });
  let raw = '';
  let seen = 0;
  child.stdout.on('data', (chunk: Buffer) => void (raw += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => void (raw += chunk.toString('utf8')));
  let closed = false;
  // 'close', not 'exit': by then everything the CLI printed has been read.
  const exited = new Promise<number>((done) =>
    child.on('close', (code, signal) => {
      closed = true;
      done(code ?? (signal ? 128 : -1));
    }),
  );
  const screen = (): string => stripVTControlCharacters(raw);
  const bounded = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
    new Promise<T>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms waiting for ${what}; the screen shows:\n${screen()}`)), ms);
      void promise.then((value) => {
        clearTimeout(timer);
        done(value);
      }, fail);
    });
  return {
    screen,
    async waitFor(text, ms = 10_000) {
      const found = await bounded(
        new Promise<boolean>((done) => {
          const poll = (): void => {
            const at = screen().indexOf(text, seen);
            if (at >= 0) {
              seen = at + text.length;
              // Give the prompt a moment to put the terminal in raw mode before keys arrive.
              setTimeout(() => done(true), 50);
            } else if (closed) done(false);
            else setTimeout(poll, 25);
          };
          poll();
        }),
        ms,
        `'${text}'`,
      );
      if (!found) throw new Error(`the CLI exited before showing '${text}'; the screen shows:\n${screen()}`);
    },
    send(keys) {
      child.stdin.write(keys);
    },
    exit: (ms = 15_000) => bounded(exited, ms, 'the CLI to exit'),
    kill() {
      if (!closed) child.kill('SIGKILL');
    },
  };
}
