/**
 * The human report of `imperal validate` (the upstream 5.11 layout).
 *
 * @module
 */
import { countLevels, type Finding, type Level } from '../finding.js';
import type { ValidationReport } from '../validate.js';

const LABEL: Readonly<Record<Level, string>> = { ERROR: 'ERROR', WARN: 'WARN ', INFO: 'INFO ' };

/** The header rule line: `── Imperal Extension Validator (SDK x.y.z) ` + 36 × `─`. */
export function headerLine(sdkVersion: string): string {
  return `── Imperal Extension Validator (SDK ${sdkVersion}) ${'─'.repeat(36)}`;
}

/** One finding: label, optional `file:line`, rule and message, then its fix. */
export function formatFinding(f: Finding): string {
  const where = f.file ? ` ${f.file}:${f.line}` : '';
  const head = `    ${LABEL[f.level]}${where}  [${f.rule}] ${f.message}`;
  return f.fix ? `${head}\n         Fix: ${f.fix}` : head;
}

/** The whole report as printed (ends with a newline). */
export function formatHuman(report: ValidationReport, sdkVersion: string): string {
  const lines = ['', headerLine(sdkVersion), ''];
  lines.push(report.appId === undefined ? 'Extension: (not loaded)' : `Extension: ${report.appId} v${report.version}`);
  lines.push(`Tools: ${report.counts.tools}, Functions: ${report.counts.functions}, Events: ${report.counts.events}`);
  if (report.findings.length === 0) {
    lines.push('', '✅ No issues found!');
    return `${lines.join('\n')}\n`;
  }
  const c = countLevels(report.findings);
  lines.push('', `RESULTS: ${c.ERROR} error(s), ${c.WARN} warning(s), ${c.INFO} info`);
  for (const f of report.findings) lines.push('', formatFinding(f));
  lines.push('', c.ERROR > 0 ? `❌ ${c.ERROR} error(s) must be fixed before deployment.` : `⚠️  ${c.WARN} warning(s) — consider fixing.`);
  return `${lines.join('\n')}\n`;
}
