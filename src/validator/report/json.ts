/**
 * The `--json` report of `imperal validate`: stable keys for scripts and CI.
 *
 * @module
 */
import { countLevels } from '../finding.js';
import type { ValidationReport } from '../validate.js';

/** The report as a JSON-ready object. */
export function toJsonReport(report: ValidationReport, sdkVersion: string): Record<string, unknown> {
  const c = countLevels(report.findings);
  return {
    sdk_version: sdkVersion,
    app_id: report.appId ?? null,
    version: report.version ?? null,
    counts: report.counts,
    summary: { errors: c.ERROR, warnings: c.WARN, info: c.INFO },
    valid: c.ERROR === 0,
    findings: report.findings,
  };
}

/** The report as 2-space JSON text (ends with a newline). */
export function formatJson(report: ValidationReport, sdkVersion: string): string {
  return `${JSON.stringify(toJsonReport(report, sdkVersion), null, 2)}\n`;
}
