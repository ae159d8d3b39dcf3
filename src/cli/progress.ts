/**
 * A progress spinner for anything that may take more than a second (loading and
 * bundling an extension, `npm install`): an animated frame, a label and the
 * elapsed seconds on stderr, drawn only when stderr is a terminal and only once
 * the task has run for {@link PROGRESS_DELAY_MS}, then cleared. Quick runs never
 * flicker, and piped output, `--json` and logs stay clean. Its timers are
 * unref'd and always cleared, so a spinner never keeps the process alive.
 *
 * @module
 */
import pc from 'picocolors';
import { colourEnabled } from './style.js';

/** Where a spinner draws: a command's stderr (a {@link CliIO} is one). */
export interface ProgressTarget {
  err(text: string): void;
  /** Whether stderr is a terminal; absent means no, and nothing is drawn. */
  readonly errIsTTY?: boolean;
  /** Environment read for `NO_COLOR` / `FORCE_COLOR` and `TERM=dumb`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Timing of {@link withProgress} (the defaults suit people; tests shorten them). */
export interface ProgressOptions {
  /** How long the task runs before the spinner appears, in milliseconds. */
  readonly delayMs?: number;
  /** Time between two frames, in milliseconds. */
  readonly intervalMs?: number;
}

/** The running spinner, handed to the task. */
export interface Progress {
  /** Clears the spinner's line now, before the task writes a line of its own; the next frame draws it again. */
  interrupt(): void;
}

/** How long a task runs before its spinner appears. */
export const PROGRESS_DELAY_MS = 1000;

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Carriage return and erase-line: the cursor back at the start of an empty line. */
const CLEAR_LINE = '\r\x1b[2K';
const SILENT: Progress = { interrupt: () => undefined };

/** Whether a spinner is drawn on `target`: stderr is a terminal that can redraw a line. */
export function progressShown(target: ProgressTarget): boolean {
  return target.errIsTTY === true && target.env?.TERM !== 'dumb';
}

/** `4s`, `1m 05s`: elapsed time, whole seconds. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * Runs `task` with a spinner labelled `label` on `target`'s stderr (see the
 * module comment for when it shows) and returns or rethrows what the task does.
 */
export async function withProgress<T>(target: ProgressTarget, label: string, task: (progress: Progress) => Promise<T>, options: ProgressOptions = {}): Promise<T> {
  if (!progressShown(target)) return task(SILENT);
  const colours = pc.createColors(colourEnabled(true, target.env ?? {}));
  const started = Date.now();
  let frame = 0;
  let drawn = false;
  let ticker: NodeJS.Timeout | undefined;
  const draw = (): void => {
    const symbol = colours.cyan(FRAMES[frame++ % FRAMES.length]!);
    target.err(`${CLEAR_LINE}${symbol} ${label} ${colours.dim(formatElapsed(Date.now() - started))}`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) target.err(CLEAR_LINE);
    drawn = false;
  };
  const delay = setTimeout(() => {
    draw();
    ticker = setInterval(draw, options.intervalMs ?? 80);
    ticker.unref();
  }, options.delayMs ?? PROGRESS_DELAY_MS);
  delay.unref();
  try {
    return await task({ interrupt: clear });
  } finally {
    clearTimeout(delay);
    clearInterval(ticker);
    clear();
  }
}
