/**
 * Types a user can name: a project compiled with `declaration: true` (the
 * `tsc --init` default) must be able to write out the inferred types of its
 * handlers — a panel handler without a return annotation, a wrapped chat
 * function, the tester, the mock platform's engines — under `bundler`,
 * `node16` and `nodenext` resolution, and every name the emitted .d.ts uses
 * must come from a public entry point (never a hashed chunk file of dist/).
 * The CommonJS declarations (.d.cts) must type-check in a CommonJS project with
 * `skipLibCheck: false`, which fails if they import an ESM-only package's types.
 * Runs against the packed tarball, installed the way users install it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const work = mkdtempSync(join(tmpdir(), 'imperal-decl-'));
const PUBLIC_ENTRIES = new Set(['@imperal/sdk', '@imperal/sdk/testing', '@imperal/sdk/ui', '@imperal/sdk/vitest']);

beforeAll(() => {
  const env = { ...process.env, npm_config_loglevel: 'error', npm_config_audit: 'false', npm_config_fund: 'false' };
  const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', env }).trim().split('\n').pop()!;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'decl-consumers', private: true }));
  // One install serves every project below (Node and tsc resolve up the tree).
  execFileSync('npm', ['install', '--prefer-offline', join(work, packed)], { cwd: work, stdio: 'ignore', env });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Exports whose types are all inferred: nothing here carries an annotation naming an SDK type. */
const SOURCE = `
import { ActionResult, ChatExtension, Extension, ui, z } from '@imperal/sdk';
import { MockContext, createTester } from '@imperal/sdk/testing';

export const ext = new Extension('decl-app', { version: '1.0.0' });
export const chat = new ChatExtension(ext, { toolName: 'decl' });
const Params = z.object({ name: z.string() });

export class Panels {
  @ext.panel('main', { title: 'Main' })
  static async main() {
    return ui.Stack([ui.Text('hi'), ui.Button('Go', { onClick: ui.Call('greet', { name: 'x' }) })]);
  }
}

export const side = ext.panel('side')(async () => ui.Card({ title: 'Side', content: ui.Text('x') }));
export const hello = chat.fn('hello', { description: 'Says hello to someone.', params: Params })(async (ctx, p) => {
  ctx.log.info('hello', { name: p.name });
  return ActionResult.success({ text: p.name });
});
export const registration = ext.panel('later');
export const nightly = ext.schedule('nightly', '0 3 * * *');
export const manifest = ext.manifest();
export const tester = createTester(ext);
export const mock = new MockContext();
export const engines = { ai: mock.platform.ai, bus: mock.platform.bus, vault: mock.platform.vault, files: mock.platform.files, billing: mock.platform.billing, cache: mock.platform.cache };
export const clients = { cache: mock.cache, http: mock.http, secrets: mock.secrets };
export async function openPanel() {
  return tester.panel('main', {});
}
export async function fetchStatus() {
  return mock.http.get('https://example.com/status');
}
`;

/** Writes a consumer project and runs tsc in it; returns tsc's output (empty when clean). */
function compile(name: string, packageType: 'module' | 'commonjs', module: string, moduleResolution: string, source: string): { output: string; dir: string } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: packageType }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module,
        moduleResolution,
        strict: true,
        declaration: true,
        skipLibCheck: false,
        outDir: 'out',
        typeRoots: [join(root, 'node_modules/@types')],
        types: ['node'],
      },
      files: ['index.ts'],
    }),
  );
  writeFileSync(join(dir, 'index.ts'), source);
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
  return { output: `${result.stdout}${result.stderr}`.trim(), dir };
}

/** Every module specifier an emitted declaration file refers to. */
function specifiers(dts: string): string[] {
  return [...dts.matchAll(/(?:from\s+|import\()\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe('declaration: true in a user project', () => {
  it.each([
    ['bundler', 'ESNext', 'bundler'],
    ['node16', 'Node16', 'Node16'],
    ['nodenext', 'NodeNext', 'NodeNext'],
  ])('inferred handler types are written out under %s resolution, naming only public entry points', (name, module, resolution) => {
    const { output, dir } = compile(`esm-${name}`, 'module', module, resolution, SOURCE);
    expect(output).toBe('');
    const dts = readFileSync(join(dir, 'out/index.d.ts'), 'utf8');
    // The panel's inferred return type is spelled with the public UINode.
    expect(dts).toMatch(/static main\(\): Promise<[\w.]*UINode<"Stack">>|static main\(\): Promise<import\("@imperal\/sdk(\/ui)?"\)\.UINode<"Stack">>/);
    const outside = specifiers(dts).filter((s) => !PUBLIC_ENTRIES.has(s) && s !== 'zod' && !s.startsWith('zod/'));
    expect(outside).toEqual([]);
    expect(dts).not.toMatch(/dist\/|chunk-|index-[\w-]{8}|call-token-/);
  }, 420_000);
});

describe('the CommonJS declarations (.d.cts)', () => {
  const CJS_SOURCE = `
import { ActionResult, ChatExtension, Extension, createJwtVerifier, ui, z } from '@imperal/sdk';
import { createTester } from '@imperal/sdk/testing';
import { Stack } from '@imperal/sdk/ui';
import { imperalDecorators } from '@imperal/sdk/vitest';
export const ext = new Extension('decl-cjs', { version: '1.0.0' });
export const chat = new ChatExtension(ext, { toolName: 'decl' });
export const hello = chat.fn('hello', { description: 'Says hello to someone.', params: z.object({ name: z.string() }) })(async (_ctx, p) => ActionResult.success({ text: p.name }));
export const side = ext.panel('side')(async () => Stack([ui.Text('x')]));
export const verify = createJwtVerifier({ jwks: { keys: [] } });
export const tester = createTester(ext);
export const plugin = imperalDecorators();
`;

  it.each([
    ['node16', 'Node16', 'Node16'],
    ['nodenext', 'NodeNext', 'NodeNext'],
  ])('type-check in a CommonJS project with skipLibCheck: false (%s)', (name, module, resolution) => {
    const { output, dir } = compile(`cjs-${name}`, 'commonjs', module, resolution, CJS_SOURCE);
    expect(output).toBe('');
    // The project really resolved the require condition's declarations.
    const trace = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--listFiles', '--noEmit'], { cwd: dir, encoding: 'utf8' }).stdout;
    expect(trace).toMatch(/@imperal\/sdk\/dist\/index\.d\.cts/);
  }, 420_000);
});
