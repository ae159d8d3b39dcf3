/**
 * One contract for every `ctx` client, run against MockContext and against the
 * real clients over loopback. A difference between the two is a bug in the mock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  CircularCallError,
  ConflictError,
  ExtensionError,
  NotFoundError,
  SecretNotDeclaredError,
  SecretValueTooLarge,
  SecretWriteForbidden,
  SkeletonAccessForbidden,
  ValidationError,
} from '../../../src/errors.js';
import type { SystemContext } from '../../../src/context/context.js';
import { PlatformState } from '../../../src/testing/engine/platform.js';
import { APP, Inbox, type Harness } from './harness.js';

export function contractSuite(build: () => Promise<Harness>): void {
  let h: Harness;
  beforeEach(async () => {
    h = await build();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('store', () => {
    it('creates and reads back a document with its metadata', async () => {
      const ctx = h.make();
      const doc = await ctx.store.create('notes', { title: 'Milk', n: 1 });
      expect(doc.id).toMatch(/\S/);
      expect(doc.collection).toBe('notes');
      expect(doc.data).toEqual({ title: 'Milk', n: 1 });
      const got = await ctx.store.get('notes', doc.id);
      expect(got?.toDict()).toMatchObject({ id: doc.id, collection: 'notes', data: { title: 'Milk', n: 1 }, extension_id: APP, tenant_id: 'default', user_id: 'test_user' });
      expect(got?.createdAt).toBe('2026-01-01T00:00:00.000Z');
      expect(got?.etag).toMatch(/^[0-9a-f]{64}$/);
      expect((await ctx.store.get(`notes/${doc.id}`))?.id).toBe(doc.id);
      await expect(ctx.store.get('notes')).rejects.toMatchObject({ field: 'key' });
    });

    it('answers null for a missing document and false for deleting it', async () => {
      const ctx = h.make();
      expect(await ctx.store.get('notes', 'nope')).toBeNull();
      expect(await ctx.store.delete('notes', 'nope')).toBe(false);
      const doc = await ctx.store.create('notes', { a: 1 });
      expect(await ctx.store.delete('notes', doc.id)).toBe(true);
      expect(await ctx.store.get('notes', doc.id)).toBeNull();
    });

    it('merges updates, stamps updatedAt and enforces ifMatch', async () => {
      const ctx = h.make();
      const doc = await ctx.store.create('notes', { a: 1, b: 2 });
      h.clock.advance(1000);
      const up = await ctx.store.update('notes', doc.id, { b: 3 }, { ifMatch: doc.etag });
      expect(up.data).toEqual({ a: 1, b: 3 });
      expect(up.updatedAt).toBe('2026-01-01T00:00:01.000Z');
      expect(up.etag).not.toBe(doc.etag);
      await expect(ctx.store.update('notes', doc.id, { b: 4 }, { ifMatch: doc.etag })).rejects.toBeInstanceOf(ConflictError);
      await expect(ctx.store.update('notes', 'missing', { b: 1 })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('filters, orders, counts and pages with cursors', async () => {
      const ctx = h.make();
      for (let i = 0; i < 7; i++) await ctx.store.create('tasks', { i, done: i % 2 === 0, tag: i < 3 ? 'a' : 'b' });
      const done = await ctx.store.query('tasks', { where: { done: true }, orderBy: '-i' });
      expect(done.data.map((d) => d.data.i)).toEqual([6, 4, 2, 0]);
      expect(done.total).toBe(4);
      const ops = await ctx.store.query('tasks', { where: { i: { $gte: 2, $lt: 5 } }, orderBy: 'i' });
      expect(ops.data.map((d) => d.data.i)).toEqual([2, 3, 4]);
      expect(await ctx.store.count('tasks', { tag: 'a' })).toBe(3);
      expect(await ctx.store.count('tasks', { tag: { $in: ['a'] }, i: { $ne: 0 } })).toBe(2);
      expect(await ctx.store.count('tasks', { missing: { $exists: false }, nothing: null })).toBe(7);
      await expect(ctx.store.count('tasks', { i: { $regex: 'x' } })).rejects.toMatchObject({ field: 'where.i' });
      const first = await ctx.store.query('tasks', { orderBy: 'i', limit: 3 });
      expect(first.data.map((d) => d.data.i)).toEqual([0, 1, 2]);
      expect(first.hasMore).toBe(true);
      const second = await ctx.store.query('tasks', { orderBy: 'i', limit: 3, cursor: first.cursor });
      expect(second.data.map((d) => d.data.i)).toEqual([3, 4, 5]);
      const all: number[] = [];
      for await (const d of first) all.push(d.data.i as number);
      expect(all).toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('scopes queries to the acting user; system scans see everyone', async () => {
      await h.make({ userId: 'alice' }).store.create('notes', { who: 'alice' });
      await h.make({ userId: 'bob' }).store.create('notes', { who: 'bob' });
      const alice = await h.make({ userId: 'alice' }).store.query('notes');
      expect(alice.data.map((d) => d.data.who)).toEqual(['alice']);
      const sys = h.make({ kind: 'system' });
      const users: string[] = [];
      for await (const u of sys.store.listUsers('notes', { pageSize: 1 })) users.push(u);
      expect(users).toEqual(['alice', 'bob']);
      expect((await sys.store.queryAll('notes')).map((d) => d.userId)).toEqual(['alice', 'bob']);
      const iter = h.make({ userId: 'alice' }).store.listUsers('notes');
      await expect(iter[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(AuthError);
    });

    it('set() updates or creates; list() reads a collection', async () => {
      const ctx = h.make();
      const doc = await ctx.store.create('prefs', { theme: 'dark' });
      const again = await ctx.store.set(`prefs/${doc.id}`, { theme: 'light' });
      expect(again.id).toBe(doc.id);
      expect(again.data).toEqual({ theme: 'light' });
      await ctx.store.set('prefs/unknown', { lang: 'en' });
      expect((await ctx.store.list('prefs/')).length).toBe(2);
    });

    it('rejects bad input naming the field', async () => {
      const ctx = h.make();
      await expect(ctx.store.create('', { a: 1 })).rejects.toMatchObject({ field: 'collection' });
      await expect(ctx.store.create('notes', [1, 2] as never)).rejects.toMatchObject({ field: 'data' });
      await expect(ctx.store.query('notes', { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe('ai', () => {
    it('answers by prompt pattern, else with the default completion', async () => {
      h.platform.ai.respond('weather', 'Sunny');
      const ctx = h.make();
      const r = await ctx.ai.complete('What is the weather?', { temperature: 0.1 });
      expect(r.text).toBe('Sunny');
      expect(r.model).toBe('claude-sonnet-4-6');
      expect(r.tokensUsed).toBeGreaterThan(0);
      expect((await ctx.ai.complete('hello', { model: 'm2' })).model).toBe('m2');
      expect((await ctx.ai.complete('hello')).text).toBe('Mock AI response');
      expect(h.platform.ai.calls[0]?.request).toMatchObject({ prompt: 'What is the weather?', extension_id: APP, temperature: 0.1 });
    });
  });

  describe('billing', () => {
    it('reports plan, balance, limits and tracks usage', async () => {
      const acct = h.platform.billing.account('test_user');
      acct.limits = { exports: 2 };
      const ctx = h.make();
      expect((await ctx.billing.getSubscription()).plan).toBe('pro');
      expect(await ctx.billing.trackUsage('tokens', 500)).toBe(true);
      expect(await ctx.billing.getBalance()).toEqual({ balance: 49_500, plan: 'pro', cap: 250_000 });
      await ctx.billing.trackUsage('exports', 2);
      const limits = await ctx.billing.checkLimits();
      expect(limits.isExceeded('exports')).toBe(true);
      expect(limits.anyExceeded).toBe(true);
      await expect(ctx.billing.trackUsage('tokens', 0)).rejects.toMatchObject({ field: 'quantity' });
    });
  });

  describe('skeleton', () => {
    it('is readable only from skeleton handlers', async () => {
      h.platform.skeleton.set(PlatformState.skeletonKey(APP, 'test_user', 'inbox'), { unread: 3 });
      await expect(h.make().skeleton.get('inbox')).rejects.toBeInstanceOf(SkeletonAccessForbidden);
      await expect(h.make({ kind: 'panel' }).skeleton.get('inbox')).rejects.toBeInstanceOf(SkeletonAccessForbidden);
      const ctx = h.make({ kind: 'skeleton' });
      expect(await ctx.skeleton.get('inbox')).toEqual({ unread: 3 });
      expect(await ctx.skeleton.get('other')).toBeNull();
    });
  });

  describe('cache', () => {
    it('stores model-checked values until the TTL runs out', async () => {
      const ctx = h.make();
      await ctx.cache.set('page:1', Inbox, { unread: 3 }, { ttlSeconds: 10 });
      expect(await ctx.cache.get('page:1', Inbox)).toEqual({ unread: 3 });
      expect(await ctx.cache.get('page:1', 'inbox')).toEqual({ unread: 3 });
      expect(await ctx.cache.get('page:2', Inbox)).toBeNull();
      h.clock.advance(10_000);
      expect(await ctx.cache.get('page:1', Inbox)).toBeNull();
    });

    it('keeps users apart and deletes under every model', async () => {
      await h.make({ userId: 'alice' }).cache.set('k', 'inbox', { unread: 1 });
      expect(await h.make({ userId: 'bob' }).cache.get('k', 'inbox')).toBeNull();
      const alice = h.make({ userId: 'alice' });
      await alice.cache.delete('k');
      expect(await alice.cache.get('k', 'inbox')).toBeNull();
    });

    it('fetches once with getOrFetch', async () => {
      const ctx = h.make();
      let calls = 0;
      const fetch = async () => ({ unread: ++calls });
      expect(await ctx.cache.getOrFetch('g', Inbox, fetch)).toEqual({ unread: 1 });
      expect(await ctx.cache.getOrFetch('g', Inbox, fetch)).toEqual({ unread: 1 });
      expect(calls).toBe(1);
    });

    it('rejects bad keys, TTLs, models, values and oversize entries', async () => {
      const ctx = h.make();
      await expect(ctx.cache.set('bad key', Inbox, { unread: 1 })).rejects.toMatchObject({ field: 'key' });
      await expect(ctx.cache.set('k', Inbox, { unread: 1 }, { ttlSeconds: 4 })).rejects.toMatchObject({ field: 'ttlSeconds' });
      await expect(ctx.cache.set('k', Inbox, { unread: 1 }, { ttlSeconds: 301 })).rejects.toMatchObject({ field: 'ttlSeconds' });
      await expect(ctx.cache.set('k', 'nope', { unread: 1 })).rejects.toMatchObject({ field: 'model' });
      await expect(ctx.cache.set('k', Inbox, { unread: 'x' } as never)).rejects.toMatchObject({ field: 'value' });
      await expect(ctx.cache.set('k', Inbox, { unread: 1, subject: 'x'.repeat(70_000) })).rejects.toMatchObject({ field: 'value' });
    });
  });

  describe('notify and chat', () => {
    it('sends the wire body and records it', async () => {
      const ctx = h.make();
      await ctx.notify('hello', { priority: 'high' });
      await ctx.notify.send('bye');
      expect(h.platform.notifications).toEqual([
        { user_id: 'test_user', message: 'hello', extension_id: APP, priority: 'high' },
        { user_id: 'test_user', message: 'bye', extension_id: APP, channel: 'in_app' },
      ]);
      await ctx.deliverChatMessage('done', { msgType: 'system', refreshPanels: ['inbox'] });
      expect(h.platform.chat).toEqual([{ ext_id: APP, user_id: 'test_user', text: 'done', msg_type: 'system', refresh_panels: ['inbox'] }]);
    });
  });

  describe('storage', () => {
    it('uploads, lists, downloads and deletes files', async () => {
      const ctx = h.make();
      const info = await ctx.storage.upload('dir/a.txt', 'hi', 'text/plain');
      expect(info).toMatchObject({ path: 'dir/a.txt', size: 2, contentType: 'text/plain' });
      await ctx.storage.upload('dir/b.bin', new Uint8Array([1, 2, 3]));
      await ctx.storage.upload('other.txt', 'x');
      const list = await ctx.storage.list('dir/');
      expect(list.data.map((f) => [f.path, f.size])).toEqual([['dir/a.txt', 2], ['dir/b.bin', 3]]);
      expect(Array.from(await ctx.storage.download('dir/b.bin'))).toEqual([1, 2, 3]);
      expect(await ctx.storage.delete('dir/a.txt')).toBe(true);
      expect(await ctx.storage.delete('dir/a.txt')).toBe(false);
      await expect(ctx.storage.download('dir/a.txt')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('config', () => {
    it('reads dotted paths and requires keys', async () => {
      const ctx = h.make({ config: { api: { base: 'https://x', retries: null } } });
      expect(ctx.config.get('api.base')).toBe('https://x');
      expect(ctx.config.get('api.missing', 7)).toBe(7);
      expect(ctx.config.get('api.retries', 7)).toBeNull();
      expect(ctx.config.require('api.base')).toBe('https://x');
      expect(() => ctx.config.require('api.retries')).toThrow(ValidationError);
    });
  });

  describe('extensions', () => {
    it('calls exposed methods and maps failures', async () => {
      h.platform.bus.expose('billing-tools', 'quote', (p, caller) => ({ total: Number(p.n) * 2, caller: caller.appId, user: caller.userId }));
      h.platform.bus.expose('billing-tools', 'boom', () => {
        throw new Error('no stock');
      });
      const ctx = h.make();
      expect(await ctx.extensions.call('billing-tools', 'quote', { n: 21 })).toEqual({ total: 42, caller: APP, user: 'test_user' });
      await expect(ctx.extensions.call('billing-tools', 'missing')).rejects.toBeInstanceOf(NotFoundError);
      await expect(ctx.extensions.call('billing-tools', 'boom')).rejects.toThrow(ExtensionError);
      await expect(ctx.extensions.call('billing-tools', 'boom')).rejects.toThrow(/no stock/);
      await expect(ctx.extensions.call(APP, 'self')).rejects.toBeInstanceOf(CircularCallError);
    });

    it('emits events under the app prefix', async () => {
      const ctx = h.make();
      await ctx.extensions.emit('task.created', { id: 't1' });
      await ctx.extensions.emit(`${APP}.task.done`, { id: 't1' });
      expect(h.platform.bus.events.map((e) => [e.eventType, e.data, e.userId])).toEqual([
        [`${APP}.task.created`, { id: 't1' }, 'test_user'],
        [`${APP}.task.done`, { id: 't1' }, 'test_user'],
      ]);
    });
  });

  describe('secrets', () => {
    it('reaches declared names only and applies write modes and size caps', async () => {
      const ctx = h.make();
      await expect(ctx.secrets.get('nope')).rejects.toBeInstanceOf(SecretNotDeclaredError);
      await expect(ctx.secrets.set('user_token', 'x')).rejects.toBeInstanceOf(SecretWriteForbidden);
      await expect(ctx.secrets.set('api_key', 'x'.repeat(17))).rejects.toBeInstanceOf(SecretValueTooLarge);
      expect(await ctx.secrets.get('api_key')).toBeNull();
      expect(await ctx.secrets.isSet('api_key')).toBe(false);
      await ctx.secrets.set('api_key', 'sk-123');
      expect(await ctx.secrets.get('api_key')).toBe('sk-123');
      expect(await ctx.secrets.isSet('api_key')).toBe(true);
      const list = await ctx.secrets.list();
      expect(list.map((s) => [s.name, s.isSet])).toEqual([['api_key', true], ['user_token', false], ['shared_key', false]]);
      expect(await ctx.secrets.delete('api_key')).toBe(true);
      expect(await ctx.secrets.delete('api_key')).toBe(false);
    });

    it('shares app-scoped secrets across users', async () => {
      await h.make({ userId: 'alice' }).secrets.set('shared_key', 'one-1');
      expect(await h.make({ userId: 'bob' }).secrets.get('shared_key')).toBe('one-1');
      await h.make({ userId: 'alice' }).secrets.set('api_key', 'mine');
      expect(await h.make({ userId: 'bob' }).secrets.get('api_key')).toBeNull();
    });
  });

  describe('context', () => {
    it('fans out from system context with asUser', async () => {
      const sys = h.make({ kind: 'system' }) as SystemContext;
      expect(sys.user.imperalId).toBe('__system__');
      const alice = sys.asUser('alice');
      expect(alice.user.imperalId).toBe('alice');
      expect(alice.user.attributes.scoped_from).toBe('__system__');
      await alice.store.create('notes', { x: 1 });
      expect((await h.make({ userId: 'alice' }).store.query('notes')).data.length).toBe(1);
      expect(() => sys.asUser('__system__')).toThrow(ValidationError);
      expect(() => (h.make() as unknown as SystemContext).asUser('bob')).toThrow(AuthError);
    });

    it('builds webhook URLs and checks identity', async () => {
      const ctx = h.make();
      expect(ctx.webhookUrl('/stripe/events')).toBe(`https://panel.imperal.io/v1/ext/${APP}/webhook/stripe/events`);
      expect(ctx.user.hasScope('anything')).toBe(true);
      expect(ctx.user.hasRole('user')).toBe(true);
      expect(h.make({ kind: 'webhook' }).user.imperalId).toBe('__webhook__');
    });
  });
}
