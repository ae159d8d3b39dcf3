/**
 * The human report of `imperal validate` (the upstream 5.11 layout; coloured
 * labels and symbols when the CLI prints to a terminal).
 *
 * @module
 */
import { countLevels, type Finding, type Level } from '../finding.js';
import type { ValidationReport } from '../validate.js';
import { PLAIN, type Paint } from './paint.js';

const LABEL: Readonly<Record<Level, string>> = { ERROR: 'ERROR', WARN: 'WARN ', INFO: 'INFO ' };

/** The header rule line: `── Imperal Extension Validator (SDK x.y.z) ` + 36 × `─`. */
export function headerLine(sdkVersion: string): string {
  return `── Imperal Extension Validator (SDK ${sdkVersion}) ${'─'.repeat(36)}`;
}

function label(level: Level, paint: Paint): string {
  if (!paint.enabled) return LABEL[level];
  if (level === 'ERROR') return paint.fail(`✖ ${LABEL[level]}`);
  if (level === 'WARN') return paint.warn(`⚠ ${LABEL[level]}`);
  return paint.info(`ℹ ${LABEL[level]}`);
}

/** One finding: label, optional `file:line`, rule and message, then its fix. */
export function formatFinding(f: Finding, paint: Paint = PLAIN): string {
  const where = f.file ? ` ${paint.dim(`${f.file}:${f.line}`)}` : '';
  const head = `    ${label(f.level, paint)}${where}  ${paint.bold(`[${f.rule}]`)} ${f.message}`;
  return f.fix ? `${head}\n         ${paint.dim('Fix:')} ${f.fix}` : head;
}

/** The whole report as printed (ends with a newline). */
export function formatHuman(report: ValidationReport, sdkVersion: string, paint: Paint = PLAIN): string {
  const lines = ['', paint.dim(headerLine(sdkVersion)), ''];
  lines.push(report.appId === undefined ? 'Extension: (not loaded)' : `Extension: ${paint.bold(report.appId)} v${report.version}`);
  lines.push(`Tools: ${report.counts.tools}, Functions: ${report.counts.functions}, Events: ${report.counts.events}`);
  if (report.findings.length === 0) {
    lines.push('', paint.ok('✅ No issues found!'));
    return `${lines.join('\n')}\n`;
  }
  const c = countLevels(report.findings);
  lines.push('', `RESULTS: ${c.ERROR} error(s), ${c.WARN} warning(s), ${c.INFO} info`);
  for (const f of report.findings) lines.push('', formatFinding(f, paint));
  lines.push('', c.ERROR > 0 ? paint.fail(`❌ ${c.ERROR} error(s) must be fixed before deployment.`) : paint.warn(`⚠️  ${c.WARN} warning(s) — consider fixing.`));
  return `${lines.join('\n')}\n`;
}
