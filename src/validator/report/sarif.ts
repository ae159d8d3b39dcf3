/**
 * The `--format sarif` report: SARIF 2.1.0 for code-scanning tools.
 *
 * @module
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Level } from '../finding.js';
import { ALL_RULES, LOADER_RULES } from '../rules/index.js';
import type { ValidationReport } from '../validate.js';
import { ruleHelp } from './rule-help.js';

const SARIF_LEVEL: Readonly<Record<Level, 'error' | 'warning' | 'note'>> = { ERROR: 'error', WARN: 'warning', INFO: 'note' };

/** The package page (resolves; rule help is inlined rather than linked to anchors that would not). */
const PACKAGE_URI = 'https://www.npmjs.com/package/@imperal/sdk';

/** A finding's file as a SARIF artifact location: relative to `%SRCROOT%` (percent-encoded), or a `file:` URI when absolute. */
function artifactLocation(file: string): Record<string, string> {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function result(f: Finding): Record<string, unknown> {
  const region = f.line > 0 ? { region: f.column ? { startLine: f.line, startColumn: f.column } : { startLine: f.line } } : {};
  return {
    ruleId: f.rule,
    level: SARIF_LEVEL[f.level],
    message: { text: f.fix ? `${f.message} Fix: ${f.fix}` : f.message },
    ...(f.file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file), ...region } }] } : {}),
  };
}

/** The report as a SARIF 2.1.0 log object. */
export function toSarif(report: ValidationReport, sdkVersion: string): Record<string, unknown> {
  const rules = [...LOADER_RULES, ...ALL_RULES].map((r) => {
    const help = ruleHelp(r.id) ?? { text: r.summary, markdown: r.summary };
    return {
      id: r.id,
      name: r.id.replace(/[^A-Za-z0-9]/g, ''),
      shortDescription: { text: r.summary },
      fullDescription: { text: help.text },
      help,
      defaultConfiguration: { level: SARIF_LEVEL[r.level] },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'imperal validate', version: sdkVersion, semanticVersion: sdkVersion, informationUri: PACKAGE_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(report.project.root).href.replace(/\/$/, '')}/` } },
        results: report.findings.map(result),
      },
    ],
  };
}

/** The SARIF log as 2-space JSON text (ends with a newline). */
export function formatSarif(report: ValidationReport, sdkVersion: string): string {
  return `${JSON.stringify(toSarif(report, sdkVersion), null, 2)}\n`;
}
