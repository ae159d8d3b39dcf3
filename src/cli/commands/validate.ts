/**
 * `imperal validate [path]`: run every rule and print the report.
 *
 * @module
 */
import { countLevels } from '../../validator/finding.js';
import { formatHuman } from '../../validator/report/human.js';
import { formatJson } from '../../validator/report/json.js';
import { formatSarif } from '../../validator/report/sarif.js';
import { ProjectNotFoundError, validateProject } from '../../validator/validate.js';
import type { Format } from '../choices.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { packageInfo } from '../package-info.js';
import { style } from '../style.js';

export { FORMATS, type Format } from '../choices.js';

/** Options of {@link runValidate}. */
export interface ValidateCommandOptions {
  readonly format?: Format;
  /** Shorthand for `format: 'json'`. */
  readonly json?: boolean;
  /** Bound on loading the extension, in milliseconds. */
  readonly timeoutMs?: number;
}

/** Runs the command; returns the exit code. */
export async function runValidate(path: string, options: ValidateCommandOptions, io: CliIO): Promise<number> {
  const format: Format = options.json ? 'json' : (options.format ?? 'human');
  const version = packageInfo().version;
  const s = style(io);
  // A progress line on stderr (terminal only), so a long load is not mistaken for a hang.
  if (io.isTTY && format === 'human') io.err(s.dim('Loading and checking the extension…\r'));
  let report;
  try {
    report = await validateProject(path, { ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }), ...(io.env ? { env: io.env } : {}) });
  } catch (error) {
    if (error instanceof ProjectNotFoundError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  } finally {
    if (io.isTTY && format === 'human') io.err('\x1b[2K');
  }
  const text = format === 'json' ? formatJson(report, version) : format === 'sarif' ? formatSarif(report, version) : formatHuman(report, version, s);
  io.out(text);
  return countLevels(report.findings).ERROR > 0 ? EXIT_FAILURE : EXIT_OK;
}
