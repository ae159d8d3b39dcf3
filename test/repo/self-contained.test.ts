/**
 * The repository runs its tests with nothing beside it: reference data lives in
 * `test/fixtures/reference/` (and spec excerpts in `test/fixtures/shared/`) as
 * byte-identical copies of the spec folder `../shared/`. When that folder is
 * present (the maintainers' checkout) every copy is compared with its origin,
 * so a copy cannot drift; in a plain clone only the copies are checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures');
const shared = join(root, '../shared');

/** Every file below `dir`, as paths relative to `dir`. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** `[copy, origin]` pairs: `test/fixtures/reference/x` ← `shared/reference/x`, `test/fixtures/shared/x` ← `shared/x`. */
function copies(): Array<[string, string]> {
  return [
    ...filesBelow(join(fixtures, 'reference')).map((f): [string, string] => [join(fixtures, 'reference', f), join(shared, 'reference', f)]),
    ...filesBelow(join(fixtures, 'shared')).map((f): [string, string] => [join(fixtures, 'shared', f), join(shared, f)]),
  ];
}

describe('self-contained repository', () => {
  it('keeps the reference copies the tests read inside the repo', () => {
    const list = copies().map(([copy]) => relative(root, copy));
    // The readers in test/helpers/reference.ts resolve here; an empty folder means they read from outside.
    expect(list).toContain('test/fixtures/reference/schemas-v5/imperal.schema.json');
    expect(list).toContain('test/fixtures/shared/spec/upstream-ui.md');
  });

  it.skipIf(!existsSync(join(shared, 'reference')))('every copy is byte-identical to ../shared (when present)', () => {
    const pairs = copies();
    expect(pairs.length).toBeGreaterThan(0);
    const drifted = pairs.filter(([copy, origin]) => !existsSync(origin) || !readFileSync(copy).equals(readFileSync(origin)));
    expect(drifted.map(([copy]) => relative(root, copy))).toEqual([]);
  });

  it('no test, bench, example or source file reads from ../shared', () => {
    // A path that climbs out of the repo into the spec folder breaks every clone without it.
    const outside = /(\.\.\/)+shared\/(reference|spec|seeds)\b/;
    const offenders: string[] = [];
    for (const dir of ['test', 'bench', 'examples', 'src', 'scripts']) {
      for (const file of filesBelow(join(root, dir))) {
        const path = join(root, dir, file);
        if (!/\.(ts|mts|cts|js|mjs|cjs|json)$/.test(file) || path.includes('node_modules') || path.startsWith(fixtures)) continue;
        const text = readFileSync(path, 'utf8');
        text.split('\n').forEach((line, i) => {
          // Comments may name where a copy came from; code may not load from there.
          if (outside.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) offenders.push(`${dir}/${file}:${i + 1}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});
