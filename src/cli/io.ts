/**
 * Where commands write, injectable so tests can capture output.
 *
 * @module
 */

/** Output streams of a command. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

/** The process's stdout/stderr. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};
