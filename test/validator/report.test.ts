import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finding, formatHuman, formatJson, formatSarif, type ValidationReport } from '../../src/validator/index.js';
import { resolveProject } from '../../src/validator/project.js';
import { FIXTURES, validateFixture } from './helpers.js';

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

  it('matches the upstream layout byte for byte with file:line, every label and the error footer', () => {
    const text = formatHuman({
      ...report([
        finding('V8', 'WARN', 'Cannot verify imperal.json manifest (runtime validation)', "Run 'imperal validate ./extension' from CLI for full filesystem check"),
        finding('V14', 'ERROR', "Extension 'broken2' description must be ≥40 chars and ≠ app_id (got len=7, value='broken2')", 'Write one.', { file: 'src/index.ts', line: 3 }),
        finding('V12', 'INFO', 'No @ext.on_install lifecycle hook', ''),
        finding('SDK-VERSION-1', 'WARN', "imperal.json missing 'sdk_version'.", 'Add it.', { file: 'imperal.json', line: 0 }),
      ]),
      appId: 'broken2',
      version: '1.0.0',
      counts: { tools: 1, functions: 1, events: 1 },
    }, '5.11.0');
    expect(text).toBe(
      [
        '',
        '── Imperal Extension Validator (SDK 5.11.0) ────────────────────────────────────',
        '',
        'Extension: broken2 v1.0.0',
        'Tools: 1, Functions: 1, Events: 1',
        '',
        'RESULTS: 1 error(s), 2 warning(s), 1 info',
        '',
        '    WARN   [V8] Cannot verify imperal.json manifest (runtime validation)',
        "         Fix: Run 'imperal validate ./extension' from CLI for full filesystem check",
        '',
        "    ERROR src/index.ts:3  [V14] Extension 'broken2' description must be ≥40 chars and ≠ app_id (got len=7, value='broken2')",
        '         Fix: Write one.',
        '',
        '    INFO   [V12] No @ext.on_install lifecycle hook',
        '',
        "    WARN  imperal.json:0  [SDK-VERSION-1] imperal.json missing 'sdk_version'.",
        '         Fix: Add it.',
        '',
        '❌ 1 error(s) must be fixed before deployment.',
        '',
      ].join('\n'),
    );
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

/** Asserts the properties SARIF 2.1.0 requires (and the ones code-scanning uploads read). */
function expectValidSarif(log: Record<string, any>): void {
  expect(log.version).toBe('2.1.0');
  expect(log.$schema).toMatch(/^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
  expect(Array.isArray(log.runs) && log.runs.length).toBe(1);
  for (const run of log.runs) {
    expect(typeof run.tool.driver.name).toBe('string');
    expect(run.tool.driver.name.length).toBeGreaterThan(0);
    const ruleIds = new Set((run.tool.driver.rules as Array<{ id: string }>).map((r) => r.id));
    for (const [, base] of Object.entries(run.originalUriBaseIds ?? {}) as Array<[string, { uri: string }]>) {
      expect(base.uri).toMatch(/^file:\/\/\/.*\/$/);
      expect(() => new URL(base.uri)).not.toThrow();
    }
    expect(Array.isArray(run.results)).toBe(true);
    for (const r of run.results) {
      expect(ruleIds.has(r.ruleId)).toBe(true);
      expect(['none', 'note', 'warning', 'error']).toContain(r.level);
      expect(typeof r.message.text).toBe('string');
      expect(r.message.text.length).toBeGreaterThan(0);
      for (const loc of r.locations ?? []) {
        const uri = loc.physicalLocation.artifactLocation.uri as string;
        expect(uri).not.toMatch(/\s|\\/);
        if (loc.physicalLocation.artifactLocation.uriBaseId) expect(run.originalUriBaseIds).toHaveProperty(loc.physicalLocation.artifactLocation.uriBaseId);
        const region = loc.physicalLocation.region;
        if (region) {
          expect(Number.isInteger(region.startLine) && region.startLine >= 1).toBe(true);
          if (region.startColumn !== undefined) expect(Number.isInteger(region.startColumn) && region.startColumn >= 1).toBe(true);
        }
      }
    }
  }
}

describe('SARIF of a real run', () => {
  it('is structurally valid SARIF 2.1.0, with file:line regions for located findings', async () => {
    const real = await validateFixture(join(FIXTURES, '_order'));
    const log = JSON.parse(formatSarif(real, '5.11.0')) as Record<string, any>;
    expectValidSarif(log);
    const results = log.runs[0].results as Array<Record<string, any>>;
    expect(results).toHaveLength(real.findings.length);
    const located = results.filter((r) => r.locations?.[0]?.physicalLocation.region);
    expect(located.map((r) => `${r.ruleId}@${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}`))
      .toEqual(expect.arrayContaining(['CACHE-TTL-1@index.ts:11', 'MANIFEST-SKELETON-1@index.ts:9']));
  });

  it('percent-encodes relative paths and gives absolute ones as file: URIs', () => {
    const log = JSON.parse(formatSarif(report([
      finding('V7', 'ERROR', 'x', 'y', { file: 'src/my file.ts', line: 2 }),
      finding('V21', 'ERROR', 'x', 'y', { file: '/abs/icon.svg', line: 0 }),
    ]), '5.11.0')) as Record<string, any>;
    expectValidSarif(log);
    const [a, b] = log.runs[0].results as Array<Record<string, any>>;
    expect(a!.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'src/my%20file.ts', uriBaseId: '%SRCROOT%' });
    expect(b!.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'file:///abs/icon.svg' } });
  });
});
