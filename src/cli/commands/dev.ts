/**
 * `imperal dev [entry]`: the local platform, live reload and the playground.
 * Runs until Ctrl-C (SIGINT) or SIGTERM, then stops everything and saves state.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { startDev } from '../../dev/server.js';
import { DevError } from '../../errors.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { withProgress } from '../progress.js';

/** Options of {@link runDev}. */
export interface DevCommandOptions {
  readonly port?: string;
  readonly host?: string;
  readonly data?: string;
  /** Commander's negation of `--no-open`. */
  readonly open?: boolean;
  readonly reset?: boolean;
}

/** Parses a `--port` value (0..65535). */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new CliError(`--port must be a number 0..65535, got '${value}'`, EXIT_USAGE);
  return n;
}

/** Opens `url` in the default browser; failures are ignored (the URL was printed). */
function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser opener: the URL is on screen.
  }
}

/** Runs the command until a stop signal; returns the exit code. */
export async function runDev(entry: string | undefined, options: DevCommandOptions, io: CliIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const port = parsePort(options.port, 4300);
  let server;
  try {
    // The first bundle and load can take a while: a spinner until the server is up, cleared before each log line.
    server = await withProgress(io, 'Starting the local platform…', (progress) =>
      startDev({
        entry,
        port,
        host: options.host ?? '127.0.0.1',
        dataDir: options.data,
        reset: options.reset ?? false,
        log: (line) => {
          progress.interrupt();
          io.out(`${line}\n`);
        },
      }),
    );
  } catch (error) {
    if (error instanceof DevError) throw new CliError(error.message, EXIT_FAILURE);
    throw error;
  }
  io.out(`\n  imperal dev: playground at ${server.url}\n  Ctrl-C to stop\n\n`);
  if (options.open !== false && process.stdout.isTTY) openBrowser(server.url);
  await new Promise<void>((done) => {
    const stop = (): void => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      done();
    };
    signals.on('SIGINT', stop);
    signals.on('SIGTERM', stop);
  });
  io.out('stopping…\n');
  await server.close();
  return EXIT_OK;
}
