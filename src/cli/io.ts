/**
 * Where commands write, injectable so tests can capture output.
 *
 * @module
 */

/** Output streams of a command. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colour and symbols); absent means no. */
  readonly isTTY?: boolean;
  /** Environment read for `NO_COLOR` / `FORCE_COLOR`; absent means none set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The process's stdout/stderr. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
};
