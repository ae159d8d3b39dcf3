import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referencePath } from '../helpers/reference.js';
import { buildSample } from './sample-tree.js';

const oracle: unknown = JSON.parse(readFileSync(referencePath('oracle/ui_sample.v5.json'), 'utf8'));

/** Lists every object's keys in order, with their path, so a key-order difference names its place. */
function keyPaths(value: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item, i) => keyPaths(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    out.push(`${path}: ${Object.keys(value).join(',')}`);
    for (const [key, item] of Object.entries(value)) keyPaths(item, `${path}.${key}`, out);
  }
  return out;
}

describe('ui_sample oracle (5.11 wire)', () => {
  it('JSON.stringify of the tree equals the oracle text, key order included', () => {
    expect(JSON.stringify(buildSample())).toBe(JSON.stringify(oracle));
  });

  it('toDict() is plain data equal to the oracle with the same key order everywhere', () => {
    const dict = buildSample().toDict();
    expect(dict).toStrictEqual(oracle);
    expect(keyPaths(dict)).toEqual(keyPaths(oracle));
  });

  it('toDict() and toJSON() serialise to the same text', () => {
    const tree = buildSample();
    expect(JSON.stringify(tree.toDict())).toBe(JSON.stringify(tree.toJSON()));
  });
});
