import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Extension } from '../../src/core/extension.js';
import { SkeletonAccessForbidden } from '../../src/errors.js';
import { FakeClock, LocalGateway, MockContext, PlatformState } from '../../src/testing/index.js';
import { createContext } from '../../src/context/factory.js';

describe('MockContext', () => {
  it('has the documented defaults', () => {
    const ctx = new MockContext();
    expect(ctx.kind).toBe('tool');
    expect(ctx.extensionId).toBe('test-ext');
    expect([ctx.user.imperalId, ctx.user.email, ctx.user.role, ctx.user.tenantId]).toEqual(['test_user', 'test@test.com', 'user', 'default']);
    expect(ctx.user.scopes).toEqual(['*']);
    expect(ctx.tenant?.tenantId).toBe('default');
    expect(ctx.time.nowUtc).toBe('2026-01-01T00:00:00.000Z');
    expect(ctx.signal.aborted).toBe(false);
    expect(new MockContext({ kind: 'system' }).user.imperalId).toBe('__system__');
    expect(new MockContext({ extensionId: 'x-app', userId: 'u9', scopes: ['notes.*'] }).user.hasScope('notes.read')).toBe(true);
  });

  it('records logs and progress, and exposes the fake clock', async () => {
    const ctx = new MockContext();
    ctx.fakeClock.advance(5_000);
    ctx.log.info('hello', { n: 1 });
    await ctx.progress(10, 'start');
    expect(ctx.logs).toEqual([{ level: 'info', message: 'hello', logger: 'ext.test-ext', fields: { n: 1 }, time: '2026-01-01T00:00:05.000Z' }]);
    expect(ctx.progressReports).toEqual([{ percent: 10, message: 'start' }]);
    expect(ctx.clock.now()).toBe(Date.parse('2026-01-01T00:00:05Z'));
  });

  it('seeds skeleton sections that only skeleton contexts can read', async () => {
    const panel = new MockContext({ kind: 'panel' });
    panel.mocks.skeleton.seed('inbox', { unread: 1 });
    await expect(panel.skeleton.get('inbox')).rejects.toBeInstanceOf(SkeletonAccessForbidden);
    const sk = new MockContext({ kind: 'skeleton', platform: panel.platform });
    expect(await sk.skeleton.get('inbox')).toEqual({ unread: 1 });
  });

  it('mock helpers: store.seed, ai.respond (RegExp, function), billing account, secrets.seed, extensions', async () => {
    const ext = new Extension('helpers');
    ext.secret({ name: 'token', description: 'User token' });
    const ctx = new MockContext({ extension: ext });
    const docs = await ctx.store.seed('tasks', [{ t: 'a' }, { t: 'b' }]);
    expect(docs.map((d) => d.data.t)).toEqual(['a', 'b']);
    ctx.ai.respond(/^summar/i, (p) => `summary of ${p.length} chars`).respond('hi', { text: 'hello', tokens_used: 7 });
    expect((await ctx.ai.complete('Summarise this')).text).toBe('summary of 14 chars');
    expect((await ctx.ai.complete('hi there')).tokensUsed).toBe(7);
    expect(ctx.ai.calls.map((c) => c.prompt)).toEqual(['Summarise this', 'hi there']);
    ctx.billing.account.balance = 10;
    await ctx.billing.trackUsage('tokens', 25);
    expect((await ctx.billing.getBalance()).balance).toBe(0);
    ctx.secrets.seed('token', 'user-set');
    expect(await ctx.secrets.get('token')).toBe('user-set');
    ctx.extensions.expose('crm', 'lookup', (p) => ({ id: p.id }));
    expect(await ctx.extensions.call('crm', 'lookup', { id: 7 })).toEqual({ id: 7 });
    await ctx.extensions.emit('task.created');
    expect(ctx.extensions.emitted.map((e) => e.eventType)).toEqual(['helpers.task.created']);
    await ctx.deliverChatMessage('x'.repeat(70_000));
    expect(ctx.mocks.chat.messages[0]!.text).toMatch(/\.\.\.\(truncated\)$/);
    expect(Buffer.byteLength(ctx.mocks.chat.messages[0]!.text)).toBe(65_536 + '...(truncated)'.length);
  });

  it('expires cache entries on the fake clock', async () => {
    const ext = new Extension('cachey');
    const Model = ext.cacheModel('m', z.object({ v: z.number() }));
    const ctx = new MockContext({ extension: ext });
    await ctx.cache.set('k', Model, { v: 1 }, { ttlSeconds: 5 });
    ctx.fakeClock.advance(4_999);
    expect(await ctx.cache.get('k', Model)).toEqual({ v: 1 });
    ctx.fakeClock.advance(1);
    expect(await ctx.cache.get('k', Model)).toBeNull();
  });

  it('shares one platform with the local gateway', async () => {
    const clock = new FakeClock();
    const platform = new PlatformState({ clock });
    const gw = new LocalGateway({ platform });
    const url = await gw.start();
    try {
      const mock = new MockContext({ platform, extensionId: 'shared', userId: 'u1' });
      await mock.store.create('notes', { from: 'mock' });
      const real = createContext({ kind: 'tool', gatewayUrl: url, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'shared' });
      expect((await real.store.query('notes')).data.map((d) => d.data.from)).toEqual(['mock']);
    } finally {
      await gw.stop();
    }
  });

  it('queries 10,000 documents with filters and cursors', async () => {
    const ctx = new MockContext();
    for (let i = 0; i < 10_000; i++) ctx.platform.store.create({ tenantId: 'default', extensionId: 'test-ext', userId: 'test_user' }, 'big', { i, even: i % 2 === 0 });
    const page = await ctx.store.query('big', { where: { even: true, i: { $gte: 9_000 } }, orderBy: '-i', limit: 100 });
    expect(page.total).toBe(500);
    expect(page.data[0]!.data.i).toBe(9_998);
    let n = 0;
    for await (const _ of page) n++;
    expect(n).toBe(500);
  });
});

describe('FakeClock', () => {
  it('moves only when told and refuses to go back', () => {
    const c = new FakeClock('2026-05-01T00:00:00Z');
    expect(c.date().toISOString()).toBe('2026-05-01T00:00:00.000Z');
    c.advance(1000).set(0);
    expect(c.now()).toBe(0);
    expect(() => c.advance(-1)).toThrow(RangeError);
    expect(() => new FakeClock('nonsense')).toThrow(TypeError);
  });
});
