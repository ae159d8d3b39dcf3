import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateProject } from '../../src/validator/index.js';
import { FIXTURES, validateFixture } from './helpers.js';

const SDK = { '@imperal/sdk': join(import.meta.dirname, '../../src/index.ts') };
const key = (m: string): string => /'([^']+)'/.exec(m)![1]!;

describe('IMPERAL_SECRET_DECLARED (credential-like access without an ext.secret declaration)', () => {
  it('finds env reads in every spelling and plain-store reads, WARN by default; a bypass comment demotes to INFO with its reason', async () => {
    const report = await validateFixture(join(FIXTURES, '_v32'));
    const hits = report.findings.filter((f) => f.rule === 'IMPERAL_SECRET_DECLARED').map((f) => [f.level, f.line, f.message] as const);
    expect(hits.map(([level, line, m]) => `${level} ${key(m)}@${line}`)).toEqual([
      'WARN GITHUB_TOKEN@8',
      'WARN VITE_API_KEY@9',
      'WARN MAPS_API_KEY@10',
      'WARN SIGNING_SECRET@11',
      'INFO LEGACY_PASSWORD@15',
      'WARN api_token@13',
    ]);
    expect(hits[0]![2]).toBe("Credential-like access 'GITHUB_TOKEN' at line 8 has no matching ext.secret() declaration in the manifest.");
    expect(hits[4]![2]).toContain('Allowed by imperal-allow-plaintext-credential: legacy bootstrap migrating in v1.5');
    // WARN by default: an extension the 5.11 validator passes is not failed by it.
    expect(report.findings.some((f) => f.rule === 'IMPERAL_SECRET_DECLARED' && f.level === 'ERROR')).toBe(false);
    expect(report.findings.some((f) => f.rule === 'V32')).toBe(false);
  });

  it('is an ERROR on request (IMPERAL_VALIDATOR_SECRET_SEVERITY=error); the bypass comment then demotes to WARN', async () => {
    const report = await validateProject(join(FIXTURES, '_v32'), { alias: SDK, env: { IMPERAL_VALIDATOR_SECRET_SEVERITY: 'error' } });
    const levels = report.findings.filter((f) => f.rule === 'IMPERAL_SECRET_DECLARED').map((f) => `${f.level} ${key(f.message)}`);
    expect(levels).toEqual(['ERROR GITHUB_TOKEN', 'ERROR VITE_API_KEY', 'ERROR MAPS_API_KEY', 'ERROR SIGNING_SECRET', 'WARN LEGACY_PASSWORD', 'ERROR api_token']);
  });
});

describe("V32 (5.11's ActionResult.error without a code)", () => {
  it('names the function and the lines of every code-less error result', async () => {
    const report = await validateFixture(join(FIXTURES, 'V32/fail'));
    expect(report.findings.filter((f) => f.rule === 'V32')).toEqual([
      expect.objectContaining({ level: 'WARN', message: "@chat.fn 'find_thing' returns ActionResult.error(...) without a code at line(s) [11]", file: 'index.ts', line: 11 }),
    ]);
  });
});
