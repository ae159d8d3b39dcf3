import { describe, expect, it } from 'vitest';
import { finding, formatHuman, formatJson, formatSarif, type ValidationReport } from '../../src/validator/index.js';
import { resolveProject } from '../../src/validator/project.js';

const project = resolveProject(import.meta.dirname)!;
const report = (findings: ValidationReport['findings']): ValidationReport => ({
  appId: 'kitchen-sink', version: '1.2.3', counts: { tools: 4, functions: 3, events: 4 }, findings, project,
});
const v8 = finding('V8', 'WARN', 'Cannot verify imperal.json manifest (runtime validation)', "Run 'imperal validate ./extension' from CLI for full filesystem check");

describe('human report', () => {
  it('matches the upstream layout (kitchen sink before build, 5.11 header)', () => {
    expect(formatHuman(report([v8]), '5.11.0')).toBe(
      [
        '',
        `── Imperal Extension Validator (SDK 5.11.0) ${'─'.repeat(36)}`,
        '',
        'Extension: kitchen-sink v1.2.3',
        'Tools: 4, Functions: 3, Events: 4',
        '',
        'RESULTS: 0 error(s), 1 warning(s), 0 info',
        '',
        '    WARN   [V8] Cannot verify imperal.json manifest (runtime validation)',
        "         Fix: Run 'imperal validate ./extension' from CLI for full filesystem check",
        '',
        '⚠️  1 warning(s) — consider fixing.',
        '',
      ].join('\n'),
    );
  });

  it('prints file:line, labels and the error footer', () => {
    const text = formatHuman(report([
      finding('SDK-VERSION-1', 'WARN', "imperal.json missing 'sdk_version'.", 'Add it.', { file: 'imperal.json', line: 0 }),
      finding('SKEL-GUARD-2', 'ERROR', 'ctx.skeleton_data was removed in v1.6.0.', '', { file: 'main.ts', line: 35 }),
      finding('V12', 'INFO', 'No @ext.on_install lifecycle hook', 'Consider adding one'),
    ]), '5.11.0');
    expect(text).toContain("\n    WARN  imperal.json:0  [SDK-VERSION-1] imperal.json missing 'sdk_version'.\n         Fix: Add it.\n");
    expect(text).toContain('\n    ERROR main.ts:35  [SKEL-GUARD-2] ctx.skeleton_data was removed in v1.6.0.\n\n');
    expect(text).toContain('\n    INFO   [V12] No @ext.on_install lifecycle hook\n');
    expect(text).toContain('RESULTS: 1 error(s), 1 warning(s), 1 info');
    expect(text.endsWith('\n❌ 1 error(s) must be fixed before deployment.\n')).toBe(true);
  });

  it('says so when there is nothing to report, and prints the warning footer for INFO only', () => {
    expect(formatHuman(report([]), '5.11.0')).toMatch(/Tools: 4, Functions: 3, Events: 4\n\n✅ No issues found!\n$/);
    expect(formatHuman(report([finding('V12', 'INFO', 'x', '')]), '5.11.0')).toMatch(/⚠️ {2}0 warning\(s\) — consider fixing\.\n$/);
  });
});

describe('machine reports', () => {
  const findings = [v8, finding('V7', 'ERROR', "Direct 'import OpenAI from \"openai\"' found.", 'Use ctx.ai', { file: 'src/index.ts', line: 3, column: 1 })];

  it('--json carries counts, summary and every finding', () => {
    const json = JSON.parse(formatJson(report(findings), '5.11.0')) as Record<string, unknown>;
    expect(json).toMatchObject({ sdk_version: '5.11.0', app_id: 'kitchen-sink', valid: false, summary: { errors: 1, warnings: 1, info: 0 } });
    expect(json.findings).toEqual(findings);
  });

  it('--format sarif is a SARIF 2.1.0 log with rules, levels and regions', () => {
    const sarif = JSON.parse(formatSarif(report(findings), '5.11.0')) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['V1', 'V24-AST', 'M4', 'LOAD', 'SDK-VERSION-1']));
    expect(run.results[0]).toEqual({ ruleId: 'V8', level: 'warning', message: { text: `${v8.message} Fix: ${v8.fix}` } });
    expect(run.results[1]).toMatchObject({
      ruleId: 'V7',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/index.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1 } } }],
    });
  });
});
