/**
 * The loader's limits, in a module of their own: the CLI reads the default for its
 * `--timeout` help without loading the child-process code.
 *
 * @module
 */

/** Default bound on importing an extension, in milliseconds (`--timeout`). */
export const DEFAULT_LOAD_TIMEOUT_MS = 30_000;
