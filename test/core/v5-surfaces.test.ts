/** The 5.11 surfaces: user-menu items, OAuth connections, file sinks and hidden_in_sidebar. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatExtension, Extension, RegistrationError, dispatch } from '../../src/index.js';
import type { Context } from '../../src/index.js';
import { schemaValidator } from '../helpers/reference.js';

const validate = schemaValidator('schemas-v5/imperal.schema.json');

function build() {
  const ext = new Extension('v5-surfaces', { version: '1.0.0', system: true, hiddenInSidebar: true });
  const chat = new ChatExtension(ext, { toolName: 'v5' });
  chat.fn('import_csv', { description: 'Imports rows from a CSV file.', params: z.object({ text: z.string() }) })(async () => ({}));
  ext.menuItem('export-all', { label: 'Export everything', icon: 'Download', section: 'admin', order: 5 })(async (_ctx: Context, p) => ({ started: true, p }));
  ext.menuItem('docs', { label: 'Documentation', path: '/docs', danger: false })(async () => null);
  ext.oauth('google', { collection: 'google_tokens', scopes: ['email', 'calendar.readonly'] });
  ext.oauth('github');
  ext.fileSink({ tool: 'import_csv', accepts: ['text/csv', '.csv'], arg: 'text', description: 'Spreadsheet exports' });
  return ext;
}

describe('5.11 surfaces', () => {
  it('are emitted in the manifest, which stays valid against the 5.11 schema', () => {
    const manifest = build().manifest() as unknown as Record<string, unknown>;
    expect(validate(manifest)).toEqual([]);
    expect(manifest.hidden_in_sidebar).toBe(true);
    expect(Object.keys(manifest).indexOf('hidden_in_sidebar')).toBe(Object.keys(manifest).indexOf('system') + 1);
    expect(manifest.menu).toEqual([
      { item_id: 'export-all', label: 'Export everything', icon: 'Download', section: 'admin', order: 5 },
      { item_id: 'docs', label: 'Documentation', section: 'main', path: '/docs', order: 100 },
    ]);
    expect(manifest.oauth).toEqual([
      { provider: 'google', collection: 'google_tokens', scopes: ['email', 'calendar.readonly'], has_hook: false },
      { provider: 'github', scopes: [], has_hook: false },
    ]);
    expect(manifest.file_sinks).toEqual([{ tool: 'import_csv', accepts: ['text/csv', '.csv'], arg: 'text', arg_kind: 'text', description: 'Spreadsheet exports' }]);
    expect(Object.keys(manifest).at(-1)).toBe('panels');
  });

  it('are absent from the manifest when unused', () => {
    const manifest = new Extension('plain-ext').manifest() as unknown as Record<string, unknown>;
    for (const key of ['hidden_in_sidebar', 'menu', 'oauth', 'file_sinks']) expect(manifest).not.toHaveProperty(key);
  });

  it('menu items run through the dispatcher, by kind or by their __menu__ tool name', async () => {
    const ext = build();
    expect(await dispatch(ext, { kind: 'menu', id: 'export-all', params: { a: 1 } }, {} as Context)).toEqual({ started: true, p: { a: 1 } });
    expect(await dispatch(ext, { kind: 'tool', name: '__menu__export-all' }, {} as Context)).toEqual({ started: true, p: {} });
    expect(await dispatch(ext, { kind: 'menu', id: 'nope' }, {} as Context)).toMatchObject({ status: 'error', error_code: 'NOT_FOUND' });
  });

  it('are checked when registered', () => {
    const ext = new Extension('v5-errors');
    const fails = (fn: () => unknown, text: string) => {
      expect(fn).toThrow(RegistrationError);
      expect(fn).toThrow(text);
    };
    fails(() => ext.menuItem('settings', { label: 'Settings', section: 'account' as never }), "section 'account' belongs to the platform");
    fails(() => ext.menuItem('x', { label: 'X' }), 'menu item id');
    fails(() => ext.menuItem('ok', { label: '' }), 'label');
    fails(() => ext.oauth('google', { collection: 'Bad-Name' }), 'collection');
    ext.oauth('google');
    fails(() => ext.oauth('google'), 'already registered');
    fails(() => ext.fileSink({ tool: 'import_csv', accepts: [], arg: 'text' }), 'at least one file kind');
    fails(() => ext.fileSink({ tool: 'Import', accepts: ['.csv'], arg: 'text' }), 'tool');
    fails(() => ext.fileSink({ tool: 'import_csv', accepts: ['.csv'], arg: 'text', argKind: 'blob' as never }), "['text', 'file_id', 'bytes_ref']");
    fails(() => ext.fileSink({ tool: 'import_csv', accepts: ['.csv'], arg: 'text', description: 'x'.repeat(201) }), '200 characters');
    fails(() => new Extension('not-system', { hiddenInSidebar: true }), 'only allowed for system extensions');
  });
});
