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
import { withProgress } from '../progress.js';
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
  let report;
  try {
    // A spinner on stderr (terminal only, after a second), so a long load is not mistaken for a hang.
    report = await withProgress(io, 'Loading and checking the extension…', () =>
      validateProject(path, { ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }), ...(io.env ? { env: io.env } : {}) }),
    );
  } catch (error) {
    if (error instanceof ProjectNotFoundError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
  const text = format === 'json' ? formatJson(report, version) : format === 'sarif' ? formatSarif(report, version) : formatHuman(report, version, style(io));
  io.out(text);
  return countLevels(report.findings).ERROR > 0 ? EXIT_FAILURE : EXIT_OK;
}
