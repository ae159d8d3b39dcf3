/** createTester: every kind of handler through the real dispatcher with one MockContext. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ActionResult,
  ChatExtension,
  Extension,
  HealthStatus,
  SkeletonAccessForbidden,
  WebhookResponse,
  createContext,
  dispatch,
  ui,
} from '../../src/index.js';
import type { Context, SystemContext, WebhookContext, WebhookRequest } from '../../src/index.js';
import { MockContext, createTester } from '../../src/testing/index.js';
import { verifyWebhookSignature } from '../../src/security/webhook.js';

function notesExtension() {
  const ext = new Extension('notes-test', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'notes' });
  chat.fn('add_note', { description: 'Adds a note for the user.', actionType: 'write', params: z.object({ text: z.string().min(1) }) })(async (ctx, p) => {
    const doc = await ctx.store.create('notes', { text: p.text });
    return ActionResult.success({ id: doc.id }, { summary: `Added ${p.text}` });
  });
  chat.fn('peek_skeleton', { description: 'Tries to read the skeleton.' })(async (ctx) => ctx.skeleton.get('notes'));
  ext.panel('list', { slot: 'left' })(async (ctx: Context) => {
    const page = await ctx.store.query('notes', { limit: 10 });
    return ui.List({ items: page.data.map((d) => ui.ListItem({ id: d.id, title: String(d.data.text) })) });
  });
  ext.skeleton('notes')(async (ctx) => ({ count: (await ctx.store.count('notes')) as number, previous: await ctx.skeleton.get('notes') }));
  ext.schedule('digest', '0 8 * * *')(async (ctx: SystemContext) => {
    for await (const userId of ctx.store.listUsers('notes')) {
      await ctx.asUser(userId).notify.send(`digest for ${userId}`);
    }
  });
  ext.webhook('/incoming', { secretHeader: 'X-Signature' })(async (ctx: WebhookContext, req: WebhookRequest) => {
    verifyWebhookSignature({ secret: 's3cret', body: req.body, headers: req.headers, header: 'X-Signature' });
    return WebhookResponse.json({ actor: ctx.user.imperalId, got: req.json() });
  });
  const events: string[] = [];
  ext.onEvent('notes-test.note.added')(async (_ctx, e) => void events.push(String(e.data.id)));
  ext.onUpgrade('1.0.0')(async (_ctx, info) => void events.push(`upgrade from ${info.fromVersion}`));
  ext.healthCheck()(async () => HealthStatus.ok({ events: events.length }));
  return { ext, events };
}

describe('createTester', () => {
  it('call() runs a chat function and returns its ActionResult; state lands in tester.ctx', async () => {
    const t = createTester(notesExtension().ext);
    const result = await t.call<{ id: string }>('add_note', { text: 'milk' });
    expect(result.ok).toBe(true);
    expect(result.summary).toBe('Added milk');
    expect((await t.ctx.store.get('notes', result.data.id))?.data).toEqual({ text: 'milk' });
    const invalid = await t.call('add_note', { text: '' });
    expect(invalid.errorCode).toBe('INVALID_PARAMS');
  });

  it('panel() returns the { ui, panel_id } envelope built from the shared store', async () => {
    const t = createTester(notesExtension().ext);
    await t.call('add_note', { text: 'eggs' });
    const envelope = await t.panel('list');
    expect(envelope.panel_id).toBe('list');
    expect(JSON.stringify(envelope.ui)).toContain('"title":"eggs"');
  });

  it('skeleton() runs in a skeleton context; chat functions may not read ctx.skeleton', async () => {
    const t = createTester(notesExtension().ext);
    t.ctx.mocks.skeleton.seed('notes', { count: 0 });
    await t.call('add_note', { text: 'a' });
    expect(await t.skeleton('notes')).toEqual({ response: { count: 1, previous: { count: 0 } } });
    const denied = await t.call('peek_skeleton');
    expect(denied.ok).toBe(false);
    expect(denied.error).toBe(new SkeletonAccessForbidden('chat_fn').message);
  });

  it('fireSchedule() runs as __system__ and may act for each user', async () => {
    const t = createTester(notesExtension().ext);
    await t.call('add_note', { text: 'x' });
    await t.call('add_note', { text: 'y' }, { ctx: new MockContext({ kind: 'chat_fn', userId: 'imp_u_other', extensionId: 'notes-test', platform: t.ctx.platform }) });
    expect(await t.fireSchedule('digest')).toEqual({ status: 'ok' });
    const sent = t.ctx.platform.notifications.map((n) => `${n.user_id}:${n.message}`).sort();
    expect(sent).toEqual(['imp_u_other:digest for imp_u_other', 'test_user:digest for test_user']);
  });

  it('fireWebhook() signs the body and delivers a WebhookRequest to a webhook context', async () => {
    const t = createTester(notesExtension().ext);
    const ok = await t.fireWebhook('/incoming', { body: { id: 'evt_1' }, sign: { secret: 's3cret', header: 'X-Signature' } });
    expect(ok).toEqual({ status_code: 200, headers: { 'content-type': 'application/json' }, body: { actor: '__webhook__', got: { id: 'evt_1' } } });
    // A wrong signature fails inside the handler and the caller learns nothing more than 500.
    const forged = await t.fireWebhook('/incoming', { body: { id: 'evt_2' }, sign: { secret: 'wrong', header: 'X-Signature' } });
    expect(forged.status_code).toBe(500);
  });

  it('emitEvent(), lifecycle() and health() reach their handlers', async () => {
    const { ext, events } = notesExtension();
    const t = createTester(ext);
    expect(await t.emitEvent('notes-test.note.added', { id: 'n1' })).toEqual({ status: 'ok', handled: 1 });
    expect(await t.lifecycle('on_upgrade', { version: '1.0.0', fromVersion: '0.9.0' })).toEqual({ status: 'ok', handled: 1 });
    expect(events).toEqual(['n1', 'upgrade from 0.9.0']);
    expect(await t.health()).toEqual({ status: 'ok', message: '', details: { events: 2 } });
  });

  it('the fake clock is shared: advancing it moves ctx.time and signing timestamps', async () => {
    const t = createTester(notesExtension().ext);
    const before = t.ctx.clock.now();
    t.clock.advance(60_000);
    expect(t.ctx.clock.now() - before).toBe(60_000);
    const signed = t.signWebhook({ secret: 'k', body: 'b', scheme: 'stripe' });
    expect(signed.signature).toMatch(new RegExp(`^t=${Math.floor((before + 60_000) / 1000)},v1=`));
  });

  it('a call can pass its own context', async () => {
    const t = createTester(notesExtension().ext);
    const other = new MockContext({ kind: 'chat_fn', extensionId: 'notes-test' });
    await t.call('add_note', { text: 'private' }, { ctx: other });
    expect(await t.ctx.store.count('notes')).toBe(0);
    expect(await other.store.count('notes')).toBe(1);
  });
});

describe('the built-in secrets panel', () => {
  it('lists declared secrets with their status, never their values', async () => {
    const ext = new Extension('secret-panel', { version: '1.0.0' });
    ext.secret({ name: 'api_key', description: 'Your API key for the service.', required: true });
    ext.secret({ name: 'token', description: 'Token the extension refreshes.', writeMode: 'extension' });
    const t = createTester(ext);
    t.ctx.secrets.seed('api_key', 'sk-very-secret');
    const { ui: tree, panel_id } = await t.panel('secrets');
    expect(panel_id).toBe('secrets');
    const text = JSON.stringify(tree);
    expect(text).not.toContain('sk-very-secret');
    const items = (tree as { props: { children: Array<{ props: { items?: Array<{ props: Record<string, unknown> }> } }> } }).props.children[1]!.props.items!;
    expect(items.map((i) => [i.props.title, (i.props.badge as { props: { label: string } }).props.label, i.props.meta])).toEqual([
      ['api_key', 'set', 'entered by you'],
      ['token', 'not set', 'written by the extension'],
    ]);
  });
});

describe('secret values stay out of logs and error messages', () => {
  function leakyExtension() {
    const ext = new Extension('leaky-ext', { version: '1.0.0' });
    ext.secret({ name: 'api_key', description: 'The service API key.', scope: 'app', envFallback: 'IMPERAL_APPSECRET_LEAKY_KEY' });
    const chat = new ChatExtension(ext);
    chat.fn('leak', { description: 'Uses the key badly.' })(async (ctx) => {
      const key = await ctx.secrets.get('api_key');
      ctx.log.info(`calling with ${key}`, { header: `Bearer ${key}`, nested: [{ key }] });
      throw new Error(`upstream refused key ${key}`);
    });
    return ext;
  }

  it('masks values read through ctx.secrets (MockContext)', async () => {
    const t = createTester(leakyExtension());
    t.ctx.secrets.seed('api_key', 'sk-live-123456');
    const result = await t.call('leak');
    expect(result.error).toBe("Internal error in 'leak': upstream refused key [redacted]");
    const text = JSON.stringify(t.ctx.logs);
    expect(text).not.toContain('sk-live-123456');
    expect(t.ctx.logs[0]).toMatchObject({ message: 'calling with [redacted]', fields: { header: 'Bearer [redacted]', nested: [{ key: '[redacted]' }] } });
    expect(t.ctx.redactSecrets('x sk-live-123456 y')).toBe('x [redacted] y');
  });

  it('masks values read through a real context (dev-mode secrets)', async () => {
    const ext = leakyExtension();
    const records: Array<{ message: string }> = [];
    const ctx = createContext({
      kind: 'chat_fn',
      gatewayUrl: 'http://127.0.0.1:9',
      serviceToken: 'svc',
      identity: { imperalId: 'imp_u_1' },
      extension: ext,
      env: { IMPERAL_DEV_MODE: '1', IMPERAL_SECRET_API_KEY: 'dev-secret-value' },
      logSink: (record) => records.push(record),
    });
    const out = await dispatch(ext, { kind: 'function', name: 'leak' }, ctx);
    expect(out.error).toBe("Internal error in 'leak': upstream refused key [redacted]");
    expect(JSON.stringify(records)).not.toContain('dev-secret-value');
    expect(JSON.stringify(records)).toContain('[redacted]');
  });
});
