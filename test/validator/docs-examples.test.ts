/**
 * The README quick start and every complete extension in docs/ pass the
 * validator with zero errors (V5/V18 included: their handlers carry no return
 * annotation, so this is the inferred-return path end to end).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateProject } from '../../src/validator/index.js';

const REPO = join(import.meta.dirname, '../..');
const SDK = { '@imperal/sdk': join(REPO, 'src/index.ts') };
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Fenced TypeScript blocks of `file` that are a whole extension module. */
function completeExtensions(file: string): string[] {
  const text = readFileSync(join(REPO, file), 'utf8');
  return [...text.matchAll(/```(?:ts|typescript)\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    // A whole module: imports, `export const ext = new Extension(`, and no `…` placeholders (syntax sketches are not run).
    .filter((code) => code.includes('new Extension(') && /^import /m.test(code) && /^export const ext\b/m.test(code) && !code.includes('…'));
}

const EXAMPLES = ['README.md', 'docs/getting-started.md', 'docs/decorators.md'].flatMap((file) =>
  completeExtensions(file).map((code, i) => [`${file} #${i + 1}`, code] as const),
);

describe('documented examples validate with zero errors', () => {
  it('finds the README quick start', () => {
    expect(EXAMPLES.map(([name]) => name)).toContain('README.md #1');
  });

  it.each(EXAMPLES)('%s', { timeout: 180_000 }, async (_name, code) => {
    mkdirSync(join(REPO, 'test/.tmp'), { recursive: true });
    const dir = mkdtempSync(join(REPO, 'test/.tmp/docs-'));
    made.push(dir);
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/index.ts'), code);
    copyFileSync(join(REPO, 'templates/_shared/icon.svg'), join(dir, 'icon.svg'));
    const report = await validateProject(dir, { alias: SDK, env: {} });
    expect(report.appId).toBeDefined();
    expect(report.findings.filter((f) => f.level === 'ERROR')).toEqual([]);
  });
});
