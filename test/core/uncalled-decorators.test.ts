/**
 * A registration written without its call (`@ext.healthCheck` instead of
 * `@ext.healthCheck()`) fails at load with a RegistrationError that names the
 * form to write — under tsc and esbuild, each in the standard (TC39) and the
 * legacy (`experimentalDecorators`) dialect. The decorated class is compiled by
 * the real compilers and run, so the helpers they emit call the factory exactly
 * as a user's build would (without a receiver).
 */
import { transformSync } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ChatExtension, Extension, RegistrationError } from '../../src/index.js';

type Dialect = 'standard' | 'legacy';
type Compiler = 'tsc' | 'esbuild';

/** Each factory, as a user writes it by mistake, and the form the error must name. */
const FACTORIES: Array<[member: string, written: string]> = [
  ['ext.tool', "@ext.tool('<name>', { … })"],
  ['ext.panel', "@ext.panel('<id>', { … })"],
  ['ext.widget', "@ext.widget('<id>')"],
  ['ext.tray', "@ext.tray('<id>')"],
  ['ext.skeleton', "@ext.skeleton('<section>')"],
  ['ext.schedule', "@ext.schedule('<name>', '<cron>')"],
  ['ext.signal', "@ext.signal('<name>')"],
  ['ext.webhook', "@ext.webhook('/<path>')"],
  ['ext.onEvent', "@ext.onEvent('<event.type>')"],
  ['ext.emits', "@ext.emits('<app-id>.<thing>.<happened>')"],
  ['ext.expose', "@ext.expose('<name>')"],
  ['ext.onInstall', '@ext.onInstall()'],
  ['ext.onUninstall', '@ext.onUninstall()'],
  ['ext.onEnable', '@ext.onEnable()'],
  ['ext.onDisable', '@ext.onDisable()'],
  ['ext.onUpgrade', "@ext.onUpgrade('<version>')"],
  ['ext.healthCheck', '@ext.healthCheck()'],
  ['ext.menuItem', "@ext.menuItem('<id>', { label: '…' })"],
  ['chat.fn', "@chat.fn('<name>', { description: '…' })"],
  ['chat.function', "@chat.fn('<name>', { description: '…' })"],
];

/** A module whose `load(ext, chat)` declares a class with `@<member>` on a static and an instance method. */
function source(member: string, place: 'static' | 'instance'): string {
  return `export function load(ext: any, chat: any) {
  class Handlers {
    @${member}
    ${place === 'static' ? 'static ' : ''}async handle(ctx: unknown) { return { ok: true }; }
  }
  return Handlers;
}`;
}

function compile(code: string, compiler: Compiler, dialect: Dialect): string {
  if (compiler === 'tsc') {
    return ts.transpileModule(code, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, experimentalDecorators: dialect === 'legacy' },
    }).outputText;
  }
  return transformSync(code, {
    loader: 'ts',
    format: 'cjs',
    target: 'es2022',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: dialect === 'legacy' } },
  }).code;
}

/** Runs the compiled CommonJS text and calls its `load`. */
function load(js: string, ext: Extension, chat: ChatExtension): unknown {
  const module = { exports: {} as { load?: (e: unknown, c: unknown) => unknown } };
  new Function('exports', 'module', js)(module.exports, module);
  return module.exports.load!(ext, chat);
}

function errorOf(run: () => unknown): RegistrationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RegistrationError);
    return error as RegistrationError;
  }
  throw new Error('expected a RegistrationError, nothing was thrown');
}

describe.each(['tsc', 'esbuild'] as const)('%s', (compiler) => {
  describe.each(['standard', 'legacy'] as const)('%s decorators', (dialect) => {
    // esbuild rejects a reserved word after the dot (`@chat.function`) before anything runs.
    const factories = compiler === 'esbuild' ? FACTORIES.filter(([member]) => member !== 'chat.function') : FACTORIES;
    it.each(factories)('@%s without its call names the fix', (member, written) => {
      for (const place of ['static', 'instance'] as const) {
        const js = compile(source(member, place), compiler, dialect);
        // The emitted code really uses the chosen dialect.
        expect(js).toMatch(dialect === 'legacy' ? /__decorate(Class)?\(/ : /__esDecorate\(|__decorateElement\(/);
        const ext = new Extension('uncalled', { version: '1.0.0' });
        const chat = new ChatExtension(ext, { toolName: 'tool' });
        const error = errorOf(() => load(js, ext, chat));
        expect(error.message).toContain(`write \`${written}\``);
        expect(error.message).not.toMatch(/Cannot read properties/);
        expect(error.subject).toBe(written);
        // Nothing was registered half-way: the manifest equals an untouched extension's.
        const untouched = new Extension('uncalled', { version: '1.0.0' });
        new ChatExtension(untouched, { toolName: 'tool' });
        expect(ext.manifestJson()).toBe(untouched.manifestJson());
      }
    });
  });
});

describe('a factory handed the handler directly', () => {
  it.each([
    ['onInstall', (ext: Extension, fn: () => Promise<object>) => (ext.onInstall as unknown as (f: unknown) => unknown)(fn)],
    ['healthCheck', (ext: Extension, fn: () => Promise<object>) => (ext.healthCheck as unknown as (f: unknown) => unknown).call(ext, fn)],
    ['panel', (ext: Extension, fn: () => Promise<object>) => (ext.panel as unknown as (f: unknown) => unknown).call(ext, fn)],
  ])('ext.%s(handler) says to call it first', (name, misuse) => {
    const ext = new Extension('uncalled', { version: '1.0.0' });
    const error = errorOf(() => misuse(ext, async () => ({})));
    expect(error.message).toContain('was given the handler directly');
    expect(error.fix).toContain(`ext.${name}(`);
  });

  it('the called forms still register (both kinds of factory)', () => {
    const ext = new Extension('uncalled', { version: '1.0.0' });
    ext.healthCheck()(async () => ({ status: 'ok' }) as never);
    ext.onInstall()(async () => undefined);
    ext.schedule('nightly', '0 3 * * *')(async () => undefined);
    const manifest = ext.manifest();
    expect(manifest.schedules?.map((s) => s.name) ?? []).toEqual(['nightly']);
    expect(Object.keys(manifest.lifecycle_hooks ?? {})).toContain('on_install');
  });
});
