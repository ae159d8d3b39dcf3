/**
 * The test kit keeps the platform's boundaries and records what a test needs
 * to assert (issue 9, items 11, 12, 13 and 15).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionResult, ChatExtension, Extension, NotFoundError } from '../../src/index.js';
import type { SystemContext } from '../../src/index.js';
import { FakeClock, MockContext, ReturnsMismatchError, TesterCallError, createTester, expectOk, installFakeDate, sequentialIds } from '../../src/testing/index.js';

describe('store boundaries (item 11)', () => {
  it('a system context has its own partition: it neither sees nor rewrites users’ documents', async () => {
    const ctx = new MockContext({ kind: 'system' }) as MockContext & SystemContext;
    const alice = ctx.asUser('alice');
    const doc = await alice.store.create('sites', { url: 'a.test' });
    expect((await ctx.store.query('sites')).data).toEqual([]);
    expect(await ctx.store.count('sites')).toBe(0);
    expect(await ctx.store.get('sites', doc.id)).toBeNull();
    await expect(ctx.store.update('sites', doc.id, { url: 'x' })).rejects.toThrow(NotFoundError);
    expect(await ctx.store.delete('sites', doc.id)).toBe(false);
    await ctx.store.create('sites', { url: 'system-own' });
    expect((await alice.store.query('sites')).data.map((d) => d.data.url)).toEqual(['a.test']);
    // Cross-user work goes through listUsers + asUser; the system's own documents are not a user.
    const users: string[] = [];
    for await (const u of ctx.store.listUsers('sites')) users.push(u);
    expect(users).toEqual(['alice']);
  });

  it('store.get of another user’s document is not found; update and delete fail the same way', async () => {
    const a = new MockContext({ userId: 'alice' });
    const b = new MockContext({ userId: 'bob', platform: a.platform });
    const doc = await a.store.create('notes', { t: 1 });
    expect(await b.store.get('notes', doc.id)).toBeNull();
    await expect(b.store.update('notes', doc.id, { t: 2 })).rejects.toThrow(NotFoundError);
    expect(await b.store.delete('notes', doc.id)).toBe(false);
    expect((await a.store.get('notes', doc.id))?.data).toEqual({ t: 1 });
  });

  it('update of a missing document fails (the platform answers 404; it never upserts)', async () => {
    const ctx = new MockContext();
    await expect(ctx.store.update('notes', 'nope', { t: 1 })).rejects.toThrow(NotFoundError);
    expect(await ctx.store.count('notes')).toBe(0);
  });

  it('etags change on every write, even when the data is the same', async () => {
    const ctx = new MockContext();
    const d1 = await ctx.store.create('notes', { t: 1 });
    const d2 = await ctx.store.update('notes', d1.id, { t: 1 });
    const d3 = await ctx.store.update('notes', d1.id, { t: 1 });
    expect(new Set([d1.etag, d2.etag, d3.etag]).size).toBe(3);
    await expect(ctx.store.update('notes', d1.id, { t: 2 }, { ifMatch: d2.etag })).rejects.toThrow(/changed since it was read/);
  });
});

function settingsExt() {
  const ext = new Extension('kit-app', { configDefaults: { board: { columns: 3 }, title: 'Board' } });
  const chat = new ChatExtension(ext, { toolName: 'kit' });
  chat.fn('read_config', { description: 'Reads the board configuration values.' })(async (ctx) => {
    const columns = ctx.config.get<number>('board.columns', 0);
    const title: string | undefined = ctx.config.get<string>('title');
    return ActionResult.success({ columns: columns + 1, title });
  });
  chat.fn('stamp', { description: 'Creates a note and reports the times it saw.' })(async (ctx) => {
    const doc = await ctx.store.create('notes', { at: new Date().toISOString() });
    return ActionResult.success({ id: doc.id, now: Date.now(), at: doc.data.at });
  });
  chat.fn('fail', { description: 'Always fails after logging what went wrong.' })(async (ctx) => {
    ctx.log('backend said 503', 'warning');
    ctx.log.error('giving up', { attempt: 3 });
    return ActionResult.error('upstream unavailable', { code: 'UPSTREAM_DOWN' });
  });
  chat.fn('bad_return', { description: 'Returns data that breaks its returns schema.', returns: z.object({ id: z.string() }) })(
    async () => ActionResult.success({ id: 7 } as never),
  );
  chat.fn('fetch_site', { description: 'Fetches a page and uploads a file to the backend.' })(async (ctx) => {
    await ctx.http.get('https://api.test/v5/run', { params: [['category', 'seo'], ['category', 'performance'], ['url', 'a.test']], timeout: 60, headers: { 'X-Key': 'k' } });
    await ctx.http.post('https://api.test/upload', { files: { file: { content: 'hello', filename: 'a.txt', contentType: 'text/plain' } }, form: { folder: 'f1' } });
    await ctx.cache.getOrFetch('k1', 'site', async () => ({ n: 1 }), { ttlSeconds: 30 });
    await ctx.cache.getOrFetch('k1', 'site', async () => ({ n: 2 }));
    return ActionResult.success({});
  });
  ext.cacheModel('site', z.object({ n: z.number() }));
  chat.fn('start_audit', { description: 'Starts an audit in the background and tells the user.' })(async (ctx) => {
    const id = ctx.backgroundTask(async () => {
      await ctx.deliverChatMessage('audit finished');
      return ActionResult.success({ score: 97 }, { summary: 'done' });
    }, { longRunning: true, name: 'audit' });
    return ActionResult.success({ task: id });
  });
  return ext;
}

describe('tester (items 12, 13, 15)', () => {
  it('applies the extension’s configDefaults; ctx.config.get<T>() needs no casts', async () => {
    const t = createTester(settingsExt());
    expect((await t.call('read_config', {})).data).toEqual({ columns: 4, title: 'Board' });
    const over = createTester(settingsExt(), { context: { config: { title: 'Mine' } } });
    expect((await over.call('read_config', {})).data).toEqual({ columns: 4, title: 'Mine' });
  });

  it('deterministic ids and a fake clock that drives Date inside handlers are opt-in', async () => {
    const t = createTester(settingsExt(), { idGenerator: sequentialIds('doc'), fakeTime: true });
    t.clock.set('2030-05-01T10:00:00Z');
    const r = await t.call<{ id: string; now: number; at: string }>('stamp', {});
    expect(r.data).toEqual({ id: 'doc_1', now: Date.parse('2030-05-01T10:00:00Z'), at: '2030-05-01T10:00:00.000Z' });
    expect(Date.now()).toBeGreaterThan(Date.parse('2026-06-01')); // the real Date is back after the call
    expect(Math.abs(Date.now() - new Date().getTime())).toBeLessThan(1000);
    const real = createTester(settingsExt());
    const r2 = await real.call<{ id: string; now: number }>('stamp', {});
    expect(r2.data.id).not.toBe('doc_1');
    expect(Math.abs(r2.data.now - Date.now())).toBeLessThan(5000);
  });

  it('the fake Date keeps the Date API: Date() strings, explicit dates, instanceof, nesting', () => {
    const clock = new FakeClock('2031-02-03T04:05:06Z');
    const outer = installFakeDate(clock);
    const inner = installFakeDate(clock);
    expect(new Date().toISOString()).toBe('2031-02-03T04:05:06.000Z');
    expect(Date()).toBe(new Date(clock.now()).toString());
    expect(new Date(Date.UTC(2020, 0, 2)).toISOString()).toBe('2020-01-02T00:00:00.000Z');
    expect(new Date(2020, 0, 2).getFullYear()).toBe(2020);
    expect(new Date() instanceof Date).toBe(true);
    inner();
    expect(Date.now()).toBe(clock.now());
    outer();
    outer(); // restoring twice is harmless
    expect(Date.now()).not.toBe(clock.now());
  });

  it('unknown names fail fast naming the known ones; createTester(undefined) asks whether ext is exported', async () => {
    const t = createTester(settingsExt());
    await expect(t.call('nope', {})).rejects.toThrow(/No chat function named 'nope' on 'kit-app'. Known: 'read_config', 'stamp'/);
    expect(() => createTester(undefined)).toThrow(/is `ext` exported/);
    expect(() => createTester({} as never)).toThrow(/expected an Extension/);
  });

  it('expectOk() and throwOnError make the real cause (error, code, ctx.log lines) the failure', async () => {
    const t = createTester(settingsExt());
    const failed = await t.call('fail', {});
    expect(failed.ok).toBe(false);
    let caught: unknown;
    try {
      expectOk(failed);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TesterCallError);
    const message = (caught as Error).message;
    expect(message).toContain("'fail' failed: upstream unavailable [UPSTREAM_DOWN]");
    expect(message).toContain('WARN backend said 503');
    expect(message).toContain('ERROR giving up {"attempt":3}');
    expect(expectOk(await t.call('read_config', {})).ok).toBe(true);
    const strict = createTester(settingsExt(), { throwOnError: true });
    await expect(strict.call('fail', {})).rejects.toThrow(/upstream unavailable \[UPSTREAM_DOWN\][\s\S]*backend said 503/);
  });

  it('checks a success against the returns: schema at run time', async () => {
    await expect(createTester(settingsExt()).call('bad_return', {})).rejects.toThrow(ReturnsMismatchError);
    await expect(createTester(settingsExt()).call('bad_return', {})).rejects.toThrow(/id: /);
  });

  it('the HTTP mock records method, URL, query pairs, headers, body, files and timeout; the cache mock records calls', async () => {
    const t = createTester(settingsExt());
    t.ctx.http.mock('*', 'api.test', { status: 200, body: { ok: true } });
    expectOk(await t.call('fetch_site', {}));
    const [get, post] = t.ctx.http.requests;
    expect(get).toMatchObject({
      method: 'GET',
      url: 'https://api.test/v5/run?category=seo&category=performance&url=a.test',
      query: [['category', 'seo'], ['category', 'performance'], ['url', 'a.test']],
      headers: { 'x-key': 'k' },
      timeout: 60,
    });
    expect(post).toMatchObject({ method: 'POST', body: { folder: 'f1' }, timeout: 30, headers: { 'content-type': 'multipart/form-data' } });
    expect(post!.files.map((f) => [f.field, f.filename, f.contentType, f.text])).toEqual([['file', 'a.txt', 'text/plain', 'hello']]);
    expect(t.ctx.cache.calls.map((c) => [c.op, c.key, c.model, c.hit ?? null])).toEqual([
      ['getOrFetch', 'k1', 'site', false],
      ['get', 'k1', 'site', false],
      ['set', 'k1', 'site', null],
      ['getOrFetch', 'k1', 'site', true],
      ['get', 'k1', 'site', true],
    ]);
    expect(t.ctx.cache.calls[2]).toMatchObject({ ttlSeconds: 30, value: { n: 1 } });
  });

  it('ctx.backgroundTask is recorded and can be awaited; deliverChatMessage is recorded', async () => {
    const t = createTester(settingsExt(), { idGenerator: sequentialIds('t') });
    const r = expectOk(await t.call<{ task: string }>('start_audit', {}));
    expect(r.data.task).toBe('audit-t_1');
    expect(t.backgroundTasks).toMatchObject([{ id: 'audit-t_1', name: 'audit', longRunning: true, timeoutMs: 1_800_000, status: 'pending' }]);
    expect(t.chatMessages).toEqual([]); // the call replied before the task ran
    const [task] = await t.settleBackgroundTasks();
    expect(task!.status).toBe('done');
    expect((task!.result as ActionResult).data).toEqual({ score: 97 });
    expect(t.chatMessages.map((m) => m.text)).toEqual(['audit finished']);
  });

  it('ctx.log(message, level) and ctx.log.warn(...) both write records', () => {
    const ctx = new MockContext();
    ctx.log('plain');
    ctx.log('careful', 'warning');
    ctx.log('bad', 'critical', { n: 1 });
    ctx.log.warn('method form');
    expect(ctx.logs.map((r) => [r.level, r.message])).toEqual([
      ['info', 'plain'],
      ['warn', 'careful'],
      ['error', 'bad'],
      ['warn', 'method form'],
    ]);
  });
});
