import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colourEnabled } from '../../src/cli/style.js';
import { parseTimeout, rulesHelp } from '../../src/cli/program.js';
import { ALL_RULES } from '../../src/validator/index.js';
import { cleanScratch, cli, linkSdk, scratch } from './helpers.js';

afterAll(cleanScratch);

/** A scaffolded chat project linked to this repository's build. */
async function project(name = 'hard-app'): Promise<string> {
  const dir = join(scratch(), name);
  expect((await cli('init', dir)).code).toBe(0);
  linkSdk(dir);
  return dir;
}

describe('imperal build writes imperal.json safely', () => {
  it('refuses a corrupt existing imperal.json with exit 2 and the parse error, leaving it untouched', async () => {
    const dir = await project();
    writeFileSync(join(dir, 'imperal.json'), '{ "author": "Ada", ');
    const build = await cli('build', dir);
    expect(build.code).toBe(2);
    expect(build.err).toMatch(/imperal\.json is not valid JSON \(line 1\): .+Fix or delete it/);
    expect(readFileSync(join(dir, 'imperal.json'), 'utf8')).toBe('{ "author": "Ada", ');
  });

  it('replaces a symlinked imperal.json with a file instead of writing through the link, and leaves no temp file', async () => {
    const dir = await project();
    const outside = join(scratch(), 'outside.json');
    writeFileSync(outside, '{"author":"Ada"}');
    symlinkSync(outside, join(dir, 'imperal.json'));
    expect((await cli('build', dir)).code).toBe(0);
    expect(lstatSync(join(dir, 'imperal.json')).isSymbolicLink()).toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('{"author":"Ada"}');
    expect(JSON.parse(readFileSync(join(dir, 'imperal.json'), 'utf8'))).toMatchObject({ app_id: 'hard-app', author: 'Ada' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--check exits 1 while imperal.json is missing or stale and 0 once built; validate warns while stale', async () => {
    const dir = await project();
    expect((await cli('build', dir, '--check')).code).toBe(1);
    expect(existsSync(join(dir, 'imperal.json'))).toBe(false);
    expect((await cli('build', dir)).code).toBe(0);
    const fresh = await cli('build', dir, '--check');
    expect(fresh.code).toBe(0);
    expect(fresh.out).toContain('is up to date');
    const src = join(dir, 'src/index.ts');
    writeFileSync(src, readFileSync(src, 'utf8').replace("version: '1.0.0'", "version: '1.1.0'"));
    const stale = await cli('build', dir, '--check');
    expect(stale.code).toBe(1);
    expect(stale.err).toMatch(/imperal\.json is stale \(differs in: version\): run imperal build/);
    const validate = await cli('validate', dir, '--json');
    expect(validate.code).toBe(0);
    const findings = (JSON.parse(validate.out) as { findings: Array<{ rule: string; level: string; message: string }> }).findings;
    expect(findings).toEqual([expect.objectContaining({ rule: 'MANIFEST-STALE-1', level: 'WARN', message: 'imperal.json is stale: it differs from what the code generates in version' })]);
  });
});

describe('the CLI cannot be fooled by the extension it loads', () => {
  it.each([
    ['process.exit(0) at import', 'process.exit(0);'],
    ['an endless loop', 'for (;;) {}'],
  ])('%s → validate and build exit 1 with a LOAD finding', async (_name, code) => {
    const dir = await project();
    const src = join(dir, 'src/index.ts');
    writeFileSync(src, `${readFileSync(src, 'utf8')}\n${code}\n`);
    const validate = await cli('validate', dir, '--timeout', '3');
    expect(validate.code).toBe(1);
    expect(validate.out).toMatch(/\[LOAD\] (The extension called process\.exit\(0\)|Extension did not finish loading within 3 s)/);
    const build = await cli('build', dir, '--timeout', '3');
    expect(build.code).toBe(1);
    expect(build.err).toContain('[LOAD]');
    expect(existsSync(join(dir, 'imperal.json'))).toBe(false);
    expect(readdirSync(join(dir, 'node_modules/.cache/imperal'))).toEqual([]);
  });

  it('--timeout takes positive seconds; anything else is a usage error', async () => {
    expect(parseTimeout('2.5')).toBe(2500);
    for (const bad of ['0', '-1', 'abc', '7200']) expect(() => parseTimeout(bad)).toThrow(/seconds/);
    expect((await cli('validate', '.', '--timeout', 'abc')).code).toBe(2);
  });
});

describe('path problems are usage errors (exit 2) with a clear message', () => {
  it('validate /dev/null, validate a non-source file, build a missing path', async () => {
    const devnull = await cli('validate', '/dev/null');
    expect(devnull.code).toBe(2);
    expect(devnull.err).toBe("Error: Path '/dev/null' is neither a folder nor a regular file: pass the extension's project folder or its entry file.\n");
    const text = join(scratch(), 'notes.txt');
    writeFileSync(text, 'x');
    const notSource = await cli('validate', text);
    expect(notSource.code).toBe(2);
    expect(notSource.err).toContain('is not a TypeScript or JavaScript file');
    expect((await cli('build', join(scratch(), 'nope'))).code).toBe(2);
  });

  it('init onto an existing file exits 2 instead of crashing', async () => {
    const file = join(scratch(), 'afile');
    writeFileSync(file, 'x');
    const init = await cli('init', file);
    expect(init.code).toBe(2);
    expect(init.err).toContain("exists and is not a folder");
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('init --force touches only the files it writes', () => {
  it('leaves node_modules (an installed SDK), dot-folders and other files alone, and the project still validates', async () => {
    const dir = await project('force-app');
    const sdkLink = join(dir, 'node_modules/@imperal/sdk');
    const own = join(dir, 'node_modules/other/index.js');
    mkdirSync(join(dir, 'node_modules/other'), { recursive: true });
    writeFileSync(own, 'module.exports = "__APP_ID__";');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git/HEAD'), 'ref: __APP_ID__');
    writeFileSync(join(dir, 'notes.md'), '__DISPLAY_NAME__');
    expect((await cli('init', dir, '--force', '-t', 'panel')).code).toBe(0);
    expect(readFileSync(own, 'utf8')).toBe('module.exports = "__APP_ID__";');
    expect(readFileSync(join(dir, '.git/HEAD'), 'utf8')).toBe('ref: __APP_ID__');
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('__DISPLAY_NAME__');
    expect(lstatSync(sdkLink).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'src/index.ts'), 'utf8')).toContain("ext.panel('sidebar'");
    const validate = await cli('validate', dir);
    expect(validate.code).toBe(0);
  });

  it('refuses to write through a symlinked folder that leads outside the project', async () => {
    const dir = join(scratch(), 'link-app');
    const outside = join(scratch(), 'elsewhere');
    mkdirSync(outside);
    mkdirSync(dir);
    symlinkSync(outside, join(dir, 'src'));
    const init = await cli('init', dir, '--force');
    expect(init.code).toBe(2);
    expect(init.err).toContain("refusing to write 'src': it is a symbolic link");
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
  });
});

describe('a CLI that feels native', () => {
  it('colours only on a TTY; NO_COLOR wins, FORCE_COLOR forces', () => {
    expect(colourEnabled(true, {})).toBe(true);
    expect(colourEnabled(false, {})).toBe(false);
    expect(colourEnabled(true, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(true, { FORCE_COLOR: '0' })).toBe(false);
  });

  it('validate --help lists every rule, V35 and the new ones included', async () => {
    const help = await cli('validate', '--help');
    for (const rule of ALL_RULES) expect(help.out, rule.id).toMatch(new RegExp(`(^|\\s)${rule.id.replace('.', '\\.')}(\\s|$)`, 'm'));
    expect(help.out).toContain('V35');
    expect(help.out).toContain('--timeout <seconds>');
    expect(rulesHelp()).toContain('IMPERAL_SECRET_DECLARED');
  });

  it('colours the human report when FORCE_COLOR is set', async () => {
    const dir = await project();
    let out = '';
    const { runCli } = await import('../../src/cli/program.js');
    const code = await runCli(['validate', dir], { out: (t) => void (out += t), err: () => undefined, env: { FORCE_COLOR: '1' } });
    expect(code).toBe(0);
    expect(out).toContain('\u001b[');
    expect(out).toContain('⚠');
  });
});

describe('build and validate count the same things', () => {
  it('names the built-in secrets panel and splits tools[] entries', async () => {
    const { manifestCountsLine, countsLine } = await import('../../src/cli/counts.js');
    expect(countsLine({ tools: 1, functions: 2, events: 2 })).toBe('Tools: 1, Functions: 2, Events: 2');
    const manifest = {
      tools: [{ name: 'skeleton_refresh_notes' }, { name: 'create_note', action_type: 'write' }, { name: '__panel__secrets' }],
      panels: [{ panel_id: 'secrets' }, { panel_id: 'sidebar' }],
      secrets: [{ name: 'api_key' }],
      schedules: [{ name: 'nightly' }],
    };
    expect(manifestCountsLine(manifest)).toBe(
      'imperal.json: 3 tools[] entries (1 chat function, 1 author tool, 1 platform tool), 2 panels (incl. the built-in secrets panel), 0 signals, 1 schedule',
    );
    expect(manifestCountsLine({ ...manifest, secrets: [] })).toContain('2 panels, 0 signals');
  });
});
