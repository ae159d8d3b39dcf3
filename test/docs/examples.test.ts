/**
 * Every example a newcomer copies passes its own validator and type-checks:
 *   - each fenced TypeScript block in README.md and docs/*.md that is a complete
 *     extension — the rule: the block contains `export const ext = new Extension(`
 *     (fragments showing one call never declare the extension, so they are not
 *     checked; a complete example always does, since `imperal validate` needs it);
 *   - every `imperal init` template, scaffolded;
 *   - every project under examples/.
 * Each becomes a project in test/.tmp, is type-checked under `strict` (one tsc
 * program, standard decorators) and validated with `imperal validate --json`:
 * zero errors.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/cli/commands/init.js';
import { cleanScratch, cli, linkSdk, REPO, scratch } from '../cli/helpers.js';

/** The marker of a complete extension in a fenced block. */
const COMPLETE = 'export const ext = new Extension(';

interface DocBlock {
  readonly label: string;
  readonly code: string;
}

/** Complete-extension TypeScript blocks of README.md and docs/*.md, labelled `file:line`. */
function docBlocks(): DocBlock[] {
  const files = ['README.md', ...readdirSync(join(REPO, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
  const blocks: DocBlock[] = [];
  for (const file of files) {
    const text = readFileSync(join(REPO, file), 'utf8');
    for (const match of text.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```/gm)) {
      if (!match[1]!.includes(COMPLETE)) continue;
      blocks.push({ label: `${file}:${text.slice(0, match.index).split('\n').length}`, code: match[1]! });
    }
  }
  return blocks;
}

interface Case {
  readonly label: string;
  readonly dir: string;
}

const cases: Case[] = [];
let base: string;

/** A minimal project around a doc block: package.json, the block as src/index.ts, an icon. */
function docProject(block: DocBlock, i: number): string {
  const appId = /new Extension\('([^']+)'/.exec(block.code)?.[1] ?? `doc-example-${i}`;
  const dir = join(base, `doc-${i}`, appId);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: appId, version: '1.0.0', private: true, type: 'module' }));
  writeFileSync(join(dir, 'src/index.ts'), block.code);
  cpSync(join(REPO, 'templates/_shared/icon.svg'), join(dir, 'icon.svg'));
  return dir;
}

beforeAll(async () => {
  base = scratch();
  docBlocks().forEach((block, i) => cases.push({ label: block.label, dir: docProject(block, i) }));
  for (const template of TEMPLATES) {
    const dir = join(base, `template-${template}`);
    const init = await cli('init', dir, '--template', template);
    expect(init.code, init.err).toBe(0);
    cases.push({ label: `template ${template}`, dir });
  }
  for (const example of readdirSync(join(REPO, 'examples'))) {
    const dir = join(base, `example-${example}`);
    cpSync(join(REPO, 'examples', example), dir, { recursive: true, filter: (src) => !/[/\\](node_modules|\.imperal)([/\\]|$)/.test(src) });
    cases.push({ label: `examples/${example}`, dir });
  }
  for (const c of cases) linkSdk(c.dir);
}, 120_000);

afterAll(cleanScratch);

describe('complete examples in the docs, templates and examples/', () => {
  it('finds the README quick start and at least one complete block per guide that has one', () => {
    const labels = docBlocks().map((b) => b.label.split(':')[0]);
    expect(labels).toContain('README.md');
    expect(labels).toContain('docs/getting-started.md');
  });

  it('type-check under strict (standard decorators, bundler resolution against the SDK source)', () => {
    const files = cases.flatMap((c) =>
      readdirSync(c.dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts') && !/node_modules/.test(e.parentPath) && e.name !== 'vitest.config.ts')
        .map((e) => join(e.parentPath, e.name)),
    );
    const src = (p: string): string[] => [join(REPO, 'src', p)];
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      paths: {
        '@imperal/sdk': src('index.ts'),
        '@imperal/sdk/testing': src('testing/index.ts'),
        '@imperal/sdk/ui': src('ui/index.ts'),
        '@imperal/sdk/vitest': src('vitest/index.ts'),
      },
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && !d.file.fileName.startsWith(join(REPO, 'src')))
      .map((d) => {
        const c = cases.find((x) => d.file!.fileName.startsWith(`${x.dir}/`));
        const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
        return `${c?.label ?? ''} → ${relative(c?.dir ?? REPO, d.file!.fileName)}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
    expect(diagnostics).toEqual([]);
  }, 300_000);

  it('pass imperal validate with zero errors', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const result = await cli('validate', c.dir, '--json');
      const report = JSON.parse(result.out) as { summary: { errors: number }; findings: Array<{ rule: string; level: string; message: string; fix?: string }> };
      const errors = report.findings.filter((f) => f.level === 'ERROR');
      if (report.summary.errors > 0 || result.code !== 0) failures.push(`${c.label}: ${errors.map((f) => `[${f.rule}] ${f.message} — ${f.fix ?? ''}`).join(' | ')}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
