/**
 * Where commands write, injectable so tests can capture output.
 *
 * @module
 */
import { isatty } from 'node:tty';

/** Output streams of a command. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colour and symbols); absent means no. */
  readonly isTTY?: boolean;
  /** Whether stdin is a terminal (init may ask questions); absent means no. */
  readonly stdinIsTTY?: boolean;
  /** Whether stderr is a terminal (progress spinners); absent means no. */
  readonly errIsTTY?: boolean;
  /** Environment read for `NO_COLOR` / `FORCE_COLOR`, `CI`, `IMPERAL_NPM`; absent means none set. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The process's stdout/stderr. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  // isatty(fd), not process.stdin.isTTY: reading that getter opens a stdin stream.
  stdinIsTTY: isatty(0),
  errIsTTY: isatty(2),
  env: process.env,
};
