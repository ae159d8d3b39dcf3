import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_TIMEOUT_MS } from '../../src/validator/load/index.js';
import { keepOwnLocation } from '../../src/validator/load/bundle.js';
import { describeThrown } from '../../src/validator/load/harness.js';
import { validateProject } from '../../src/validator/index.js';

const REPO = join(import.meta.dirname, '../..');
const SDK = { '@imperal/sdk': join(REPO, 'src/index.ts') };
const made: string[] = [];

/** A scratch project whose src/index.ts is `code` (plus any extra files). */
function project(code: string, extra: Record<string, string> = {}): string {
  mkdirSync(join(REPO, 'test/.tmp'), { recursive: true });
  const dir = mkdtempSync(join(REPO, 'test/.tmp/load-'));
  made.push(dir);
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'src/index.ts'), code);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const EXT = `import { Extension } from '@imperal/sdk';\nexport const ext = new Extension('iso-app', { version: '1.0.0' });\n`;

async function loadFindings(dir: string, timeoutMs = 60_000) {
  const report = await validateProject(dir, { alias: SDK, timeoutMs, env: {} });
  // No bundle is ever left behind, whatever the module did.
  expect(readdirSync(join(dir, 'node_modules/.cache/imperal'))).toEqual([]);
  return report;
}

describe('the extension is imported in a child process it cannot take down', () => {
  it('has a 30 s default bound', () => {
    expect(DEFAULT_LOAD_TIMEOUT_MS).toBe(30_000);
  });

  it.each([
    ['process.exit(0) at import', `${EXT}process.exit(0);\n`, /called process\.exit\(0\) while it was imported/],
    ['an endless loop', `${EXT}while (true) {}\n`, /did not finish loading within 8 s/],
    ['a top-level await that never settles', `${EXT}await new Promise(() => {});\n`, /a top-level await at module scope never settles/],
    ['a top-level await on a timer that fires too late', `${EXT}await new Promise((r) => setTimeout(r, 1e9));\n`, /did not finish loading within 8 s/],
    ['throw null', `${EXT}throw null;\n`, /threw null \(not an Error\)/],
    ['an object whose getters throw', `${EXT}throw { get message(): string { throw new Error('no'); }, get stack(): string { throw new Error('no'); } };\n`, /threw an object/],
    ['process.abort()', `${EXT}process.abort();\n`, /was killed by SIGABRT|exited with code/],
  ])('%s → a LOAD error, never a silent pass', async (_name, code, message) => {
    // Hangs are cut at 8 s; everything else gets room on a busy machine.
    const report = await loadFindings(project(code), /within 8 s/.test(message.source) ? 8_000 : 60_000);
    const load = report.findings.filter((f) => f.rule === 'LOAD');
    expect(load).toHaveLength(1);
    expect(load[0]).toMatchObject({ level: 'ERROR', file: 'src/index.ts' });
    expect(load[0]!.message).toMatch(message);
    expect(report.appId).toBeUndefined();
    // process.exit() is located at the call (line 3, after the two-line EXT).
    if (/process\.exit/.test(_name)) expect(load[0]!.line).toBe(3);
  });

  it('an open handle at import is a LOAD error once the module loaded (the rules still run)', async () => {
    const report = await loadFindings(project(`${EXT}setInterval(() => undefined, 1000);\n`));
    expect(report.appId).toBe('iso-app');
    expect(report.findings.filter((f) => f.rule === 'LOAD').map((f) => f.message)).toEqual([
      'The extension keeps the process alive after it was imported (an open timer, socket or server at module scope)',
    ]);
  });

  it('a missing export points at the entry and asks whether ext is exported', async () => {
    const report = await loadFindings(project(`import { Extension } from '@imperal/sdk';\nconst x = 1;\nconst ext = new Extension('iso-app', { version: '1.0.0' });\nexport { x };\n`));
    const load = report.findings.find((f) => f.rule === 'LOAD')!;
    expect(load.message).toContain('is `ext` exported from src/index.ts?');
    expect(load.message).toContain('(it exports x)');
    expect(load).toMatchObject({ file: 'src/index.ts', line: 3 });
  });
});

describe('the module keeps its own location under validation', () => {
  it('reads a prompt file beside its code through import.meta.url, __dirname and a relative path', async () => {
    const code = `import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extension } from '@imperal/sdk';
const here = dirname(fileURLToPath(import.meta.url));
const a = readFileSync(join(here, 'prompt.txt'), 'utf8');
const b = readFileSync(new URL('./prompt.txt', import.meta.url), 'utf8');
const c = readFileSync(join(import.meta.dirname, 'prompt.txt'), 'utf8');
const d = readFileSync('src/prompt.txt', 'utf8');
if (![a, b, c, d].every((t) => t === 'You are helpful.')) throw new Error('wrong prompt');
export const ext = new Extension('iso-app', { version: '1.0.0', description: a });
`;
    const dir = project(code);
    writeFileSync(join(dir, 'src/prompt.txt'), 'You are helpful.');
    const report = await loadFindings(dir);
    expect(report.findings.filter((f) => f.rule === 'LOAD')).toEqual([]);
    expect(report.appId).toBe('iso-app');
  });

  it('rewrites import.meta.url and declares __dirname on the first line only when the file does not', () => {
    const file = '/p/src/a.ts';
    expect(keepOwnLocation('const u = import.meta.url;\n', file)).toBe('const u = "file:///p/src/a.ts";\n');
    expect(keepOwnLocation('use(__dirname);\n', file)).toBe('var __dirname = "/p/src";use(__dirname);\n');
    const own = 'const __dirname = dirname(fileURLToPath(import.meta.url));\n';
    expect(keepOwnLocation(own, file)).toBe('const __dirname = dirname(fileURLToPath("file:///p/src/a.ts"));\n');
    // Line count is unchanged, so source-mapped findings keep their lines.
    expect(keepOwnLocation('a\nb(__filename)\n', file).split('\n')).toHaveLength(3);
  });
});

describe('no temporary files are left behind', () => {
  it('a project without node_modules keeps no .imperal folder', async () => {
    const dir = project(EXT);
    rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
    const report = await validateProject(dir, { alias: SDK, env: {} });
    expect(report.appId).toBe('iso-app');
    expect(existsSync(join(dir, '.imperal'))).toBe(false);
  });
});

describe('describeThrown never throws', () => {
  it('describes null, strings, symbols and hostile objects', () => {
    expect(describeThrown(null)).toEqual({ thrown: 'null' });
    expect(describeThrown('x')).toEqual({ thrown: '"x"' });
    expect(describeThrown(Symbol('s'))).toEqual({ thrown: 'Symbol(s)' });
    const hostile = new Proxy({}, { get() { throw new Error('trap'); } });
    expect(describeThrown(hostile).thrown).toMatch(/^an object/);
    expect(describeThrown(new TypeError('bad'))).toMatchObject({ name: 'TypeError', message: 'bad' });
    expect(existsSync(REPO)).toBe(true);
  });
});
