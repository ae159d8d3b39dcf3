/** Input aliases (Pydantic `AliasChoices`): applied before validation, invisible in params_schema. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionResult, ChatExtension, Extension, RegistrationError } from '../../src/index.js';
import { createTester } from '../../src/testing/index.js';

const Move = z.object({ note_id: z.string(), folder_id: z.string(), pinned: z.boolean().default(false) });

function notes() {
  const ext = new Extension('alias-app');
  const chat = new ChatExtension(ext, { toolName: 'notes' });
  chat.fn('move_note', {
    description: 'Moves a note into a folder chosen by the user.',
    actionType: 'write',
    params: Move,
    aliases: { folder_id: ['folder', 'folderId'], note_id: ['note', 'id'] },
  })(async (_ctx, p) => ActionResult.success(p, { summary: 'moved' }));
  return ext;
}

describe('input aliases', () => {
  it('an alias is renamed to its field before validation', async () => {
    const t = createTester(notes());
    const r = await t.call('move_note', { note: 'n1', folderId: 'f1' });
    expect(r.data).toEqual({ note_id: 'n1', folder_id: 'f1', pinned: false });
  });

  it('the field under its own name wins; otherwise the first alias listed', async () => {
    const t = createTester(notes());
    expect((await t.call('move_note', { note_id: 'n1', note: 'x', folder_id: 'f1', folder: 'y' })).data).toEqual({ note_id: 'n1', folder_id: 'f1', pinned: false });
    expect((await t.call('move_note', { id: 'n2', folderId: 'b', folder: 'a' })).data).toEqual({ note_id: 'n2', folder_id: 'a', pinned: false });
  });

  it('is invisible in params_schema and a missing field is still reported under its own name', async () => {
    const ext = notes();
    const schema = (ext.manifest().tools[0] as unknown as { params_schema: { properties: Record<string, unknown> } }).params_schema;
    expect(Object.keys(schema.properties)).toEqual(['note_id', 'folder_id', 'pinned']);
    const r = await createTester(ext).call('move_note', { note: 'n1' });
    expect(r.errorCode).toBe('INVALID_PARAMS');
    expect(r.error).toContain('folder_id');
  });

  it('runs through the dispatcher for tool-name invocations too', async () => {
    const t = createTester(notes());
    expect(await t.tool('move_note', { note: 'n1', folder: 'f' })).toMatchObject({ status: 'success', data: { folder_id: 'f' } });
  });

  it('refuses aliases that collide with a field, name no field, are shared, or have no params', () => {
    const chat = new ChatExtension(new Extension('alias-bad'));
    const base = { description: 'Moves a note into a folder chosen by the user.', params: Move };
    expect(() => chat.fn('a1', { ...base, aliases: { folder_id: ['note_id'] } })).toThrow(/alias 'note_id' of 'folder_id' is itself a params field/);
    expect(() => chat.fn('a2', { ...base, aliases: { nope: ['x'] } as never })).toThrow(/aliases.nope names no params field/);
    expect(() => chat.fn('a3', { ...base, aliases: { folder_id: ['x'], note_id: ['x'] } })).toThrow(/alias 'x' is given for both 'folder_id' and 'note_id'/);
    expect(() => chat.fn('a4', { description: base.description, aliases: { x: ['y'] } as never })).toThrow(RegistrationError);
    expect(() => chat.fn('a5', { ...base, aliases: { folder_id: [''] } })).toThrow(/list of non-empty names/);
  });
});
