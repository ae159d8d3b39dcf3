import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanScratch, cli, linkSdk, REPO, scratch } from './helpers.js';

afterAll(cleanScratch);

describe('imperal --help', () => {
  it('lists every command and the exit codes', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    for (const word of ['init', 'validate', 'build', 'Exit codes']) expect(out).toContain(word);
  });

  it.each(['init', 'validate', 'build'])('documents %s options', async (command) => {
    const { code, out } = await cli(command, '--help');
    expect(code).toBe(0);
    expect(out).toContain(`Usage: imperal ${command}`);
    const flat = out.replace(/\s+/g, ' ');
    if (command === 'validate') expect(flat).toMatch(/--format <format> .*choices: "human", "json", "sarif".* --json/);
    if (command === 'init') expect(flat).toContain('choices: "chat", "tool", "panel", "full"');
  });

  it('prints the SDK version', async () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect((await cli('--version')).out.trim()).toBe(pkg.version);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli('validate', '--format', 'xml')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    const missing = await cli('validate', join(scratch(), 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^Error: Path '.*nope' does not exist\.\n$/);
  });
});

describe('imperal init → validate → build', () => {
  it('scaffolds, validates with only V8, builds, then validates clean', async () => {
    const dir = scratch();
    const init = await cli('init', join(dir, 'my-notes'));
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/^Extension 'my-notes' scaffolded \(template: chat\)\n\nNext steps:\n/);
    const project = join(dir, 'my-notes');
    for (const f of ['package.json', 'tsconfig.json', 'vitest.config.ts', 'icon.svg', '.gitignore', 'README.md', 'src/index.ts', 'test/index.test.ts']) {
      expect(existsSync(join(project, f)), f).toBe(true);
    }
    expect(readFileSync(join(project, 'src/index.ts'), 'utf8')).not.toMatch(/@chat\.function\(/);
    linkSdk(project);

    const before = await cli('validate', project);
    expect(before.code).toBe(0);
    expect(before.out).toContain('RESULTS: 0 error(s), 1 warning(s), 0 info');
    expect(before.out).toContain('[V8]');

    writeFileSync(join(project, 'imperal.json'), JSON.stringify({ author: 'Ada', name: 'Notes by Ada', hidden: 1, version: '0.0.1' }));
    const build = await cli('build', project);
    expect(build.code).toBe(0);
    // The same counts line as validate, then what imperal.json holds, each worded.
    expect(build.out).toMatch(/^✔ Built: my-notes v1\.0\.0\n {2}Tools: 0, Functions: 1, Events: 0\n {2}imperal\.json: 1 tools\[\] entry \(1 chat function, 0 author tools, 0 platform tools\), 0 panels, 0 signals, 0 schedules\n {2}Manifest: .*imperal\.json\n$/);
    expect(before.out).toContain('Tools: 0, Functions: 1, Events: 0');
    const text = readFileSync(join(project, 'imperal.json'), 'utf8');
    expect(text.endsWith('}')).toBe(true);
    const manifest = JSON.parse(text) as Record<string, unknown>;
    expect(manifest).toMatchObject({ app_id: 'my-notes', version: '1.0.0', name: 'Notes by Ada', author: 'Ada' });
    expect(manifest).not.toHaveProperty('hidden');
    expect(text).toBe(JSON.stringify(manifest, null, 2));

    const after = await cli('validate', project, '--json');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out)).toMatchObject({ app_id: 'my-notes', valid: true, findings: [] });
  });

  it('refuses to write a manifest that fails the schema', async () => {
    const dir = scratch();
    await cli('init', join(dir, 'bad-tags'), '--template', 'tool');
    const project = join(dir, 'bad-tags');
    linkSdk(project);
    writeFileSync(join(project, 'imperal.json'), JSON.stringify({ tags: 'not-a-list' }));
    const build = await cli('build', project);
    expect(build.code).toBe(1);
    expect(build.err).toContain('[M4] [tags] Input should be a valid list');
    expect(JSON.parse(readFileSync(join(project, 'imperal.json'), 'utf8'))).toEqual({ tags: 'not-a-list' });
  });

  it('refuses a non-empty folder without --force and a bad app id', async () => {
    const dir = scratch();
    await cli('init', join(dir, 'twice'));
    expect((await cli('init', join(dir, 'twice'))).code).toBe(2);
    expect((await cli('init', join(dir, 'twice'), '--force', '-t', 'panel')).code).toBe(0);
    const bad = await cli('init', join(dir, 'Bad_Name'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("'Bad_Name' is not a valid app id");
  });
});

describe('imperal validate on a broken extension', () => {
  it('reports a load failure with file:line and the @chat.fn fix, exit 1', async () => {
    const project = join(scratch(), 'broken');
    await cli('init', project);
    linkSdk(project);
    const src = join(project, 'src/index.ts');
    writeFileSync(src, readFileSync(src, 'utf8').replace('@chat.fn(', '@chat.function('));
    const { code, out } = await cli('validate', project);
    expect(code).toBe(1);
    expect(out).toMatch(/ERROR src\/index\.ts:\d+ {2}\[LOAD\] '@chat\.function\(' cannot be compiled/);
    expect(out).toContain('Fix: Write @chat.fn(...) instead');
  });

  it('emits SARIF for code scanning', async () => {
    const project = join(scratch(), 'sarif-app');
    await cli('init', project);
    linkSdk(project);
    const { code, out } = await cli('validate', project, '--format', 'sarif');
    expect(code).toBe(0);
    const log = JSON.parse(out) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(['V8']);
  });
});
