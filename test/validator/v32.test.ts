import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, validateFixture } from './helpers.js';

describe('V32 (credential-like access without an ext.secret declaration)', () => {
  it('finds env reads in every spelling and plain-store reads; a bypass comment demotes to WARN with its reason', async () => {
    const report = await validateFixture(join(FIXTURES, '_v32'));
    const hits = report.findings.filter((f) => f.rule === 'V32').map((f) => [f.level, f.line, f.message] as const);
    const key = (m: string): string => /'([^']+)'/.exec(m)![1]!;
    expect(hits.map(([level, line, m]) => `${level} ${key(m)}@${line}`)).toEqual([
      'ERROR GITHUB_TOKEN@8',
      'ERROR VITE_API_KEY@9',
      'ERROR MAPS_API_KEY@10',
      'ERROR SIGNING_SECRET@11',
      'WARN LEGACY_PASSWORD@15',
      'ERROR api_token@13',
    ]);
    expect(hits[0]![2]).toBe("Credential-like access 'GITHUB_TOKEN' at line 8 has no matching @ext.secret declaration in manifest.");
    expect(hits[4]![2]).toContain('Allowed by imperal-allow-plaintext-credential: legacy bootstrap migrating in v1.5');
  });
});
