import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, SOURCE_RULES } from '../../src/validator/rules/index.js';
import { FIXTURES, validateFixture } from './helpers.js';

describe('findings come in the upstream order', () => {
  it('V1–V3, then the per-function block, then the other extension rules (broken #1 oracle)', () => {
    expect(ALL_RULES.slice(0, 10).map((r) => r.id)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V10', 'V11', 'V7', 'V8']);
  });

  it('source findings file by file in line order, MANIFEST-SKELETON-1 last', async () => {
    const report = await validateFixture(join(FIXTURES, '_order'));
    const ids = new Set(SOURCE_RULES.map((r) => r.id));
    const source = report.findings.filter((f) => ids.has(f.rule)).map((f) => `${f.rule}@${f.line}`);
    expect(source).toEqual(['CACHE-MODEL-1@11', 'CACHE-TTL-1@11', 'CACHE-MODEL-1@12', 'SKEL-GUARD-2@18', 'MANIFEST-SKELETON-1@9']);
  });
});
