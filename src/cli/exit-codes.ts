/**
 * Exit codes of the `imperal` CLI (as upstream): 0 ok, 1 the extension has
 * errors (or the command failed), 2 usage error; 130 a question was cancelled.
 *
 * @module
 */

/** Everything passed (warnings allowed). */
export const EXIT_OK = 0;
/** The extension has errors, or the command could not do its job. */
export const EXIT_FAILURE = 1;
/** Bad arguments or options, or a path that does not exist. */
export const EXIT_USAGE = 2;

/** The user cancelled at a prompt (Ctrl-C); nothing was written. 128 + SIGINT, as shells report it. */
export const EXIT_CANCELLED = 130;

/** A failure the CLI reports with a message and an exit code instead of a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
