import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleForRegistrationError } from '../../src/validator/load/errors.js';
import { FIXTURES, validateFixture } from './helpers.js';

const LOAD = join(FIXTURES, '_load');

/** The findings of a fixture under `_load/` that are about loading (the extension never loads there). */
async function loadFindings(name: string) {
  const report = await validateFixture(join(LOAD, name));
  expect(report.appId).toBeUndefined();
  return report.findings.filter((f) => f.rule === 'LOAD' || f.rule === 'M7.3');
}

describe('an extension that throws while it is imported is a finding, not a crash', () => {
  it.each(['std', 'legacy'])('%s decorators: a RegistrationError → LOAD at the decorated method', async (dialect) => {
    const findings = await loadFindings(`${dialect}-registration`);
    // Both dialects apply decorators in code esbuild maps to the method's own line.
    const line = dialect === 'std' ? 14 : 17;
    expect(findings).toEqual([
      {
        rule: 'LOAD',
        level: 'ERROR',
        message: `@ext.tool('lookup'): tool "lookup" is already registered`,
        fix: 'give each tool a unique name',
        file: 'index.ts',
        line,
        column: expect.any(Number),
      },
    ]);
  });

  it.each(['std', 'legacy'])('%s decorators: a plain throw → LOAD at the throw statement', async (dialect) => {
    const findings = await loadFindings(`${dialect}-throw`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'LOAD',
      level: 'ERROR',
      message: 'Extension failed to load: Error: config.json is missing',
      file: 'index.ts',
      line: dialect === 'std' ? 6 : 9,
    });
  });

  it('maps a registration error to the rule covering the same mistake (emits prefix → M7.3, not V1)', async () => {
    const findings = await loadFindings('emits-prefix');
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'M7.3',
        message: "ext.emits('other-app.thing.happened'): event_type 'other-app.thing.happened' must be prefixed by app_id 'load-app' (cross-namespace block)",
        file: 'index.ts',
        line: 5,
      }),
    ]);
    expect(ruleForRegistrationError({ subject: "ext.cacheModel('x')", message: 'app_id mismatch', fix: '' })).toBe('CACHE-MODEL-1');
    expect(ruleForRegistrationError({ subject: 'new Extension("Bad_App")', message: 'app id "Bad_App" is invalid', fix: '' })).toBe('V1');
  });
});
