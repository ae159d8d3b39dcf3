/**
 * The published package works the way users consume it: `npm pack` the build,
 * install the tarball, then import it from an ESM project, a CommonJS project and
 * a TypeScript `moduleResolution: bundler` project (type-checked with tsc, then
 * bundled with esbuild and run). The tarball's file list is checked against an
 * allow-list.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imperal-pack-'));
const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });

function project(name: string, files: Record<string, string>): string {
  const dir = join(work, 'consumer', name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** The parts of `npm pack --json` output this suite reads (one entry per packed package). */
interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

let pack: PackResult;

beforeAll(() => {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as PackResult[];
  pack = packed!;
  const consumer = join(work, 'consumer');
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  // One install serves the three projects below (Node resolves up the tree).
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed!.filename)], consumer);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const ESM_SOURCE = `
import { Extension, ChatExtension, ActionResult, ui, z, dispatch } from '@imperal/sdk';
import { MockContext } from '@imperal/sdk/testing';
import * as uiEntry from '@imperal/sdk/ui';
import { imperalDecorators } from '@imperal/sdk/vitest';
const ext = new Extension('pack-esm', { version: '1.0.0' });
const chat = new ChatExtension(ext, { toolName: 'pack' });
chat.fn('hello', { description: 'Says hello to someone.', params: z.object({ name: z.string() }) })(
  async (_ctx, p) => ActionResult.success({ text: 'hi ' + p.name }, { summary: 'ok' }));
const out = await dispatch(ext, { kind: 'function', name: 'hello', params: { name: 'esm' } }, new MockContext());
console.log(JSON.stringify({ out, tools: ext.manifest().tools.length, ui: typeof ui.Text, uiEntry: typeof uiEntry.Stack, plugin: imperalDecorators().name }));
`;

const CJS_SOURCE = `
const { Extension, ChatExtension, ActionResult, z } = require('@imperal/sdk');
const { MockContext } = require('@imperal/sdk/testing');
const { imperalDecorators } = require('@imperal/sdk/vitest');
const ext = new Extension('pack-cjs', { version: '1.0.0' });
const chat = new ChatExtension(ext, { toolName: 'pack' });
chat.fn('hello', { description: 'Says hello to someone.', params: z.object({ name: z.string() }) })(async () => ActionResult.success({}));
console.log(JSON.stringify({ app: ext.manifest().app_id, mock: typeof MockContext, plugin: imperalDecorators().name }));
`;

const BUNDLER_SOURCE = `
import { Extension, ChatExtension, ActionResult, ui, z } from '@imperal/sdk';
import type { Context, Manifest } from '@imperal/sdk';
import { MockContext, createTester } from '@imperal/sdk/testing';
import { Stack } from '@imperal/sdk/ui';
import { imperalDecorators } from '@imperal/sdk/vitest';

export const ext = new Extension('pack-bundler', { version: '1.0.0' });
const chat = new ChatExtension(ext, { toolName: 'pack' });
const Params = z.object({ name: z.string() });
export class Greeter {
  @chat.fn('greet', { description: 'Greets a person by their name.', params: Params })
  static async greet(_ctx: Context, p: z.infer<typeof Params>) {
    return ActionResult.success({ text: p.name.toUpperCase() });
  }
}
export const manifest: Manifest = ext.manifest();
export const node = Stack([ui.Text('x')]);
export const ctx = new MockContext();
export const tester = createTester(ext);
export const plugin = imperalDecorators();

const result = await tester.call('greet', { name: 'ada' });
console.log(JSON.stringify({
  app: manifest.app_id,
  tools: manifest.tools.map((t) => t.name),
  result: result.toDict(),
  node: node.toDict().type,
  mock: ctx.user.imperalId,
  plugin: plugin.name,
}));
`;

/** The `moduleResolution: bundler` consumer (type-checked and bundled below); writing it twice is harmless. */
function bundlerProject(): string {
  return project('bundler', {
    'package.json': JSON.stringify({ type: 'module' }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        typeRoots: [join(root, 'node_modules/@types')],
        types: ['node'],
      },
      files: ['index.ts'],
    }),
    'index.ts': BUNDLER_SOURCE,
  });
}

describe('npm pack → install → import', () => {
  it('ESM project imports every entry point and runs a handler', () => {
    const dir = project('esm', { 'package.json': JSON.stringify({ type: 'module' }), 'index.mjs': ESM_SOURCE });
    const result = JSON.parse(run(process.execPath, ['index.mjs'], dir)) as Record<string, unknown>;
    expect(result).toEqual({
      out: { status: 'success', summary: 'ok', data: { text: 'hi esm' } },
      tools: 1,
      ui: 'function',
      uiEntry: 'function',
      plugin: 'imperal:decorators',
    });
  });

  it('CommonJS project requires the package', () => {
    const dir = project('cjs', { 'package.json': JSON.stringify({ type: 'commonjs' }), 'index.cjs': CJS_SOURCE });
    expect(JSON.parse(run(process.execPath, ['index.cjs'], dir))).toEqual({ app: 'pack-cjs', mock: 'function', plugin: 'imperal:decorators' });
  });

  it('moduleResolution: bundler project type-checks against the shipped .d.ts', () => {
    const dir = bundlerProject();
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      output = run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir);
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });

  it('moduleResolution: bundler project bundles with esbuild (decorators lowered) and runs', async () => {
    const dir = bundlerProject();
    // The repo's esbuild, as a bundler user would have it; `@imperal/sdk` resolves from the
    // consumer's node_modules because the build runs with the consumer as working directory.
    const esbuild = createRequire(join(root, 'package.json'))('esbuild') as typeof import('esbuild');
    const outfile = join(dir, 'out/bundle.mjs');
    const built = await esbuild.build({
      absWorkingDir: dir,
      entryPoints: ['index.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      // The SDK depends on undici, which is CommonJS and requires Node builtins; an ESM
      // bundle for Node needs a real `require` for those, the banner esbuild documents.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    expect(built.errors).toEqual([]);
    // Bundled output must not point back at the installed package: it is self-contained.
    expect(readFileSync(outfile, 'utf8')).not.toMatch(/from ["']@imperal\/sdk/);
    expect(JSON.parse(run(process.execPath, [outfile], dir))).toEqual({
      app: 'pack-bundler',
      tools: ['greet'],
      result: { status: 'success', summary: '', data: { text: 'ADA' } },
      node: 'Stack',
      mock: expect.any(String),
      plugin: 'imperal:decorators',
    });
  }, 60_000);

  it('ships the imperal bin and only the intended files', () => {
    const installed = join(work, 'consumer/node_modules/@imperal/sdk');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
    expect(pkg.version).toMatch(/^5\.11\.\d+$/);
    expect(pkg.bin.imperal).toBe('./dist/cli/main.js');
    expect(readFileSync(join(installed, 'dist/cli/main.js'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const version = run(process.execPath, [join(installed, 'dist/cli/main.js'), '--version'], work).trim();
    expect(version).toBe(pkg.version);

    const files = pack.files.map((f) => f.path);
    const topLevel = new Set(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']);
    const outside = files.filter((f) => !f.startsWith('dist/') && !f.startsWith('templates/') && !topLevel.has(f));
    expect(outside).toEqual([]);
    const required = ['', 'testing/', 'ui/', 'vitest/'].flatMap((entry) => ['js', 'cjs', 'd.ts', 'd.cts'].map((ext) => `dist/${entry}index.${ext}`));
    expect(files).toEqual(expect.arrayContaining([...required, 'dist/cli/main.js', 'package.json', 'README.md', 'LICENSE']));
    // No repo sources and no test files. `templates/` is the exception: `imperal init`
    // copies its scaffold, which has its own `src/` and `test/*.test.ts` on purpose.
    expect(files.filter((f) => f.startsWith('src/') || (/\.test\./.test(f) && !f.startsWith('templates/')))).toEqual([]);
  });

  it('every relative import in the shipped declarations names a shipped declaration file', () => {
    const installed = join(work, 'consumer/node_modules/@imperal/sdk');
    const declarations = pack.files.map((f) => f.path).filter((f) => /\.d\.c?ts$/.test(f));
    expect(declarations.length).toBeGreaterThan(5);
    const specifier = /(?:from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;
    for (const file of declarations) {
      const code = readFileSync(join(installed, file), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line))
        .join('\n');
      for (const [, , rel] of code.matchAll(specifier)) {
        // `./x.cjs` is typed by `./x.d.cts`, `./x.js` by `./x.d.ts`.
        const typed = rel!.replace(/\.cjs$/, '.d.cts').replace(/\.js$/, '.d.ts');
        const target = join(dirname(join(installed, file)), typed);
        expect(existsSync(target), `${file} imports ${rel}`).toBe(true);
      }
    }
  });

  it('imperal dev from the installed package serves the built playground', async () => {
    const installed = join(work, 'consumer/node_modules/@imperal/sdk');
    // esbuild is an optional peer that every template lists as a devDependency.
    symlinkSync(join(root, 'node_modules/esbuild'), join(work, 'consumer/node_modules/esbuild'), 'dir');
    const dir = project('dev', {
      'package.json': JSON.stringify({ name: 'pack-dev', type: 'module', private: true }),
      'index.mjs': "import { Extension } from '@imperal/sdk';\nexport const ext = new Extension('pack-dev', { version: '1.0.0' });\n",
    });
    const child = spawn(process.execPath, [join(installed, 'dist/cli/main.js'), 'dev', 'index.mjs', '--no-open', '--port', '0', '--data', join(dir, '.data')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`imperal dev did not start within 30 s:\n${output}`)), 30_000);
        const onData = (chunk: Buffer): void => {
          output += chunk.toString();
          const m = /playground at (http:\/\/\S+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code) => reject(new Error(`imperal dev exited ${code}:\n${output}`)));
      });
      const page = await (await fetch(url)).text();
      expect(page).not.toContain('not built');
      expect(page).toMatch(/<script[^>]+app\.js/);
      const app = await fetch(new URL('/app.js', url));
      expect(app.status).toBe(200);
      expect((await app.text()).length).toBeGreaterThan(10_000);
    } finally {
      const exited = new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
