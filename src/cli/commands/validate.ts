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

export { FORMATS, type Format } from '../choices.js';

/** Options of {@link runValidate}. */
export interface ValidateCommandOptions {
  readonly format?: Format;
  /** Shorthand for `format: 'json'`. */
  readonly json?: boolean;
}

/** Runs the command; returns the exit code. */
export async function runValidate(path: string, options: ValidateCommandOptions, io: CliIO): Promise<number> {
  const format: Format = options.json ? 'json' : (options.format ?? 'human');
  const version = packageInfo().version;
  let report;
  try {
    report = await validateProject(path);
  } catch (error) {
    if (error instanceof ProjectNotFoundError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
  const render = format === 'json' ? formatJson : format === 'sarif' ? formatSarif : formatHuman;
  io.out(render(report, version));
  return countLevels(report.findings).ERROR > 0 ? EXIT_FAILURE : EXIT_OK;
}
