/**
 * Stacked decorators register in application order (the decorator nearest the
 * method first), as Python's do: stacked `@ext.emits(...)` and `@ext.onEvent(...)`
 * list bottom-up. tsc and esbuild, each with standard and legacy decorators, and
 * the higher-order form all give the same manifest sections.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { Extension } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outRoot = join(root, 'test/.tmp/stacked-decorators');

const SOURCE = `
import { Extension } from '@imperal/sdk';
export const ext = new Extension('stack-app');
export class Notes {
  @ext.emits('stack-app.note.created', { schemaRef: 'NoteCreated' })
  @ext.emits('stack-app.note.updated')
  @ext.emits('stack-app.note.deleted')
  static events(): void {}

  @ext.onEvent('mail.received')
  @ext.onEvent('mail.sent')
  static async onMail(): Promise<void> {}

  @ext.emits('stack-app.folder.created')
  static folderEvents(): void {}
}
`;

type Mode = 'standard' | 'legacy';

async function compiled(compiler: 'tsc' | 'esbuild', mode: Mode): Promise<{ emits: string[]; subscribes: string[] }> {
  const code =
    compiler === 'tsc'
      ? ts.transpileModule(SOURCE, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, experimentalDecorators: mode === 'legacy' } }).outputText
      : (await transform(SOURCE, { loader: 'ts', format: 'esm', target: 'es2022', tsconfigRaw: { compilerOptions: { experimentalDecorators: mode === 'legacy' } } })).code;
  const dir = join(outRoot, `${compiler}-${mode}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'extension.mjs');
  writeFileSync(file, code);
  const mod = (await import(/* @vite-ignore */ `${pathToFileURL(file).href}?${Date.now()}`)) as { ext: Extension };
  return sections(mod.ext);
}

function sections(ext: Extension): { emits: string[]; subscribes: string[] } {
  const events = ext.manifest().events;
  return { emits: events?.emits.map((e) => e.type) ?? [], subscribes: events?.subscribes.map((s) => s.type) ?? [] };
}

const EXPECTED = {
  emits: ['stack-app.note.deleted', 'stack-app.note.updated', 'stack-app.note.created', 'stack-app.folder.created'],
  subscribes: ['mail.sent', 'mail.received'],
};

describe('stacked decorators', () => {
  it.each([
    ['tsc', 'standard'],
    ['tsc', 'legacy'],
    ['esbuild', 'standard'],
    ['esbuild', 'legacy'],
  ] as const)('%s (%s) lists stacked registrations bottom-up', async (compiler, mode) => {
    expect(await compiled(compiler, mode)).toEqual(EXPECTED);
  }, 60_000);

  it('the higher-order form agrees', () => {
    const ext = new Extension('stack-app');
    ext.emits('stack-app.note.created', { schemaRef: 'NoteCreated' })(ext.emits('stack-app.note.updated')(ext.emits('stack-app.note.deleted')(function events() {})));
    ext.onEvent('mail.received')(ext.onEvent('mail.sent')(async function onMail() {}));
    ext.emits('stack-app.folder.created')(function folderEvents() {});
    expect(sections(ext)).toEqual(EXPECTED);
    expect(ext.manifest().events?.emits[2]).toEqual({ type: 'stack-app.note.created', schema_ref: 'NoteCreated' });
  });

  it('plain ext.emits() calls keep call order', () => {
    const ext = new Extension('stack-app');
    ext.emits('stack-app.a.x');
    ext.emits('stack-app.b.x');
    expect(sections(ext).emits).toEqual(['stack-app.a.x', 'stack-app.b.x']);
  });
});
