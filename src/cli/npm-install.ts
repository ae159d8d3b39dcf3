/**
 * `npm install` in a freshly scaffolded project, for `imperal init`: npm's own
 * output is captured and shown only when it fails.
 *
 * @module
 */
import { spawn } from 'node:child_process';

/** The outcome of {@link npmInstall}. */
export interface NpmInstallResult {
  /** npm's exit code, or `null` when it was killed by a signal or could not start. */
  readonly code: number | null;
  /** npm's stdout and stderr, interleaved, or why it could not start. */
  readonly output: string;
  /** How long it ran, in milliseconds. */
  readonly ms: number;
}

/** The most of npm's output kept for the failure report (its end, where the error is). */
const MAX_OUTPUT = 64 * 1024;

/**
 * The npm command `init` runs: `IMPERAL_NPM` when set (a path or a command on
 * `PATH`; tests point it at a stand-in), else `npm` from `PATH`.
 */
export function npmCommand(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env.IMPERAL_NPM?.trim();
  if (configured) return configured;
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** Runs `<npm> install --no-audit --no-fund` in `dir` with `env`; never rejects. */
export function npmInstall(dir: string, env: Readonly<Record<string, string | undefined>>): Promise<NpmInstallResult> {
  const started = Date.now();
  return new Promise((done) => {
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-MAX_OUTPUT);
    };
    let child;
    try {
      // npm.cmd is a batch file: Windows runs it through a shell only.
      child = spawn(npmCommand(env), ['install', '--no-audit', '--no-fund'], { cwd: dir, env: { ...env }, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    } catch (error) {
      done({ code: null, output: (error as Error).message, ms: Date.now() - started });
      return;
    }
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => done({ code: null, output: `could not run '${npmCommand(env)}': ${error.message}`, ms: Date.now() - started }));
    child.on('close', (code) => done({ code, output, ms: Date.now() - started }));
  });
}
