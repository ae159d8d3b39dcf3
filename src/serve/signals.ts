/**
 * SIGTERM/SIGINT handling for a serving process: the first signal drains
 * (stop reading, finish in-flight calls up to `--drain-timeout-ms`, push their
 * replies, close) and exits 0; a second signal exits at once (entries still
 * pending stay in the group for another worker to reclaim).
 *
 * @module
 */
import type { HostLogger } from './logger.js';

/** Exit code of a second signal (the drain was cut short). */
export const EXIT_INTERRUPTED = 130;

/** Options of {@link installSignalHandlers}. */
export interface SignalOptions {
  /** Drains and closes; resolves when done. */
  readonly shutdown: () => Promise<unknown>;
  readonly logger?: HostLogger;
  /** How the process ends (default `process.exit`). */
  readonly exit?: (code: number) => void;
}

/** Installs the handlers; returns a function that removes them. */
export function installSignalHandlers(options: SignalOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      options.logger?.warn({ signal }, 'second signal: exiting now; unfinished entries stay pending for reclaim');
      options.logger?.flush();
      exit(EXIT_INTERRUPTED);
      return;
    }
    stopping = true;
    options.logger?.info({ signal }, 'shutting down: draining in-flight calls');
    options.shutdown().then(
      () => {
        options.logger?.flush();
        exit(0);
      },
      (error: unknown) => {
        options.logger?.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
        options.logger?.flush();
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  };
}
