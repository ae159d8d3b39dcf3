/** The built playground stays small, and the SDK's main entry never loads it (or the browser test tooling). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/helpers.js';

/** The budget for the playground's JavaScript. */
const GZIP_BUDGET_BYTES = 200 * 1024;

describe('built playground', () => {
  it(`ships one JS bundle under ${GZIP_BUDGET_BYTES / 1024} KB gzipped, referenced by index.html`, () => {
    const dir = join(REPO, 'dist/playground');
    const js = readFileSync(join(dir, 'app.js'));
    expect(gzipSync(js).byteLength).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('src="/app.js"');
    expect(readdirSync(dir).sort()).toEqual(['app.css', 'app.js', 'index.html']);
  });

  it('keeps preact, playwright and the dev server out of the library entry points', () => {
    for (const entry of ['dist/index.js', 'dist/testing/index.js', 'dist/ui/index.js']) {
      const seen = new Set<string>();
      const visit = (file: string): void => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = readFileSync(file, 'utf8');
        expect(text).not.toMatch(/from ["'](?:preact|playwright-core)/);
        expect(text).not.toContain('imperal-dev');
        for (const m of text.matchAll(/from ["'](\.\/[^"']+)["']/g)) visit(join(file, '..', m[1]!));
      };
      visit(join(REPO, entry));
    }
  });
});
