/**
 * Wire fidelity: each client method sends exactly the method, path, headers
 * and body of the platform contract (upstream-clients §2 and §6, 5.11 forms).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { z } from 'zod';
import { createContext } from '../../src/context/factory.js';
import type { Context, ContextKind, SystemContext } from '../../src/context/context.js';
import { Extension } from '../../src/core/extension.js';
import { LocalGateway, type RecordedRequest } from '../../src/testing/gateway/server.js';
import { FakeClock } from '../../src/testing/clock.js';
import { PlatformState } from '../../src/testing/engine/platform.js';

const ext = new Extension('app1');
ext.cacheModel('inbox', z.object({ unread: z.number() }));
ext.cacheModel('other', z.object({ n: z.number() }));
ext.secret({ name: 'api_key', description: 'API key', writeMode: 'both' });
ext.secret({ name: 'shared_key', description: 'One per installation', writeMode: 'extension', scope: 'app' });

let gw: LocalGateway;
let pool: Pool;
const clock = new FakeClock('2026-01-01T00:00:00Z');

function ctxOf(kind: ContextKind = 'tool', userId = 'u1'): Context {
  return createContext({
    kind,
    gatewayUrl: gw.url,
    serviceToken: 'svc',
    sessionToken: 'sess',
    callToken: 'TOK',
    identity: { imperalId: userId, tenantId: 't1' },
    extension: ext,
    dispatcher: pool,
    now: () => clock.now(),
  });
}

/** The headers the contract is about (transport headers such as host are left out). */
const CONTRACT_HEADERS = ['x-service-token', 'x-extension-id', 'x-tenant-id', 'authorization', 'x-acting-user', 'x-ext-id', 'content-type', 'idempotency-key', 'x-imperal-call-stack'];
function contractHeaders(r: RecordedRequest): Record<string, string> {
  return Object.fromEntries(CONTRACT_HEADERS.filter((h) => h in r.headers).map((h) => [h, r.headers[h]!]));
}

function only(): RecordedRequest {
  expect(gw.requests).toHaveLength(1);
  return gw.requests[0]!;
}

const STORE_HEADERS = { 'x-service-token': 'svc', 'x-extension-id': 'app1', 'x-tenant-id': 't1' };
const JSON_CT = { 'content-type': 'application/json' };

beforeAll(async () => {
  gw = new LocalGateway({ platform: new PlatformState({ clock }), extensions: [ext] });
  await gw.start();
  pool = new Pool(gw.url);
});
afterAll(async () => {
  await pool.close();
  await gw.stop();
});
beforeEach(() => gw.clearRequests());

describe('store wire', () => {
  it('create', async () => {
    await ctxOf().store.create('notes', { a: 1 });
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/store']);
    expect(contractHeaders(r)).toEqual({ ...STORE_HEADERS, ...JSON_CT });
    expect(r.body.toString()).toBe('{"collection":"notes","data":{"a":1},"user_id":"u1","extension_id":"app1","tenant_id":"t1"}');
  });

  it('query, then the next page with cursor', async () => {
    const ctx = ctxOf();
    for (let i = 0; i < 3; i++) await ctx.store.create('notes', { k: 1, i });
    gw.clearRequests();
    const page = await ctx.store.query('notes', { where: { k: 1 }, orderBy: '-created_at', limit: 2 });
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/store/notes/query']);
    expect(contractHeaders(r)).toEqual({ ...STORE_HEADERS, ...JSON_CT });
    expect(r.body.toString()).toBe('{"where":{"k":1},"order_by":"-created_at","limit":2,"extension_id":"app1","user_id":"u1","tenant_id":"t1"}');
    gw.clearRequests();
    await page.next();
    expect(JSON.parse(only().body.toString())).toEqual({ where: { k: 1 }, order_by: '-created_at', limit: 2, cursor: page.cursor, extension_id: 'app1', user_id: 'u1', tenant_id: 't1' });
    expect(Object.keys(JSON.parse(gw.requests[0]!.body.toString()))).toEqual(['where', 'order_by', 'limit', 'cursor', 'extension_id', 'user_id', 'tenant_id']);
  });

  it('get, update (with ifMatch), delete, count', async () => {
    const ctx = ctxOf();
    await ctx.store.get('notes', 'd 1');
    let r = only();
    expect([r.method, r.rawUrl]).toEqual(['GET', '/v1/internal/store/notes/d%201?extension_id=app1&tenant_id=t1']);
    expect(contractHeaders(r)).toEqual(STORE_HEADERS);
    gw.clearRequests();
    await ctx.store.get('notes/d 1'); // the one-key form of the captured example
    expect(only().rawUrl).toBe('/v1/internal/store/notes/d%201?extension_id=app1&tenant_id=t1');
    const doc = await ctx.store.create('notes', { a: 1 });
    gw.clearRequests();
    await ctx.store.update('notes', doc.id, { a: 2 }, { ifMatch: doc.etag });
    r = only();
    expect([r.method, r.rawUrl]).toEqual(['PATCH', `/v1/internal/store/notes/${doc.id}`]);
    expect(r.body.toString()).toBe(`{"data":{"a":2},"extension_id":"app1","tenant_id":"t1","if_match":"${doc.etag}"}`);
    gw.clearRequests();
    await ctx.store.delete('notes', doc.id);
    r = only();
    expect([r.method, r.rawUrl]).toEqual(['DELETE', `/v1/internal/store/notes/${doc.id}?extension_id=app1&tenant_id=t1`]);
    expect(r.body.byteLength).toBe(0);
    gw.clearRequests();
    await ctx.store.count('notes', { a: 1 });
    r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/store/notes/count']);
    expect(r.body.toString()).toBe('{"where":{"a":1},"extension_id":"app1","user_id":"u1","tenant_id":"t1"}');
  });

  it('list_users and all (system)', async () => {
    const sys = ctxOf('system', '__system__');
    for await (const _ of sys.store.listUsers('notes', { pageSize: 2 })) void _;
    let r = gw.requests[0]!;
    expect([r.method, r.rawUrl]).toEqual(['GET', '/v1/internal/store/notes/list_users?extension_id=app1&tenant_id=t1&cursor=0&limit=2']);
    gw.clearRequests();
    await sys.store.queryAll('notes');
    r = only();
    expect(r.rawUrl).toBe('/v1/internal/store/notes/all?extension_id=app1&tenant_id=t1&limit=500');
  });
});

describe('other clients wire', () => {
  it('ai.complete', async () => {
    await ctxOf().ai.complete('p', { temperature: 0.1 });
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/ai/complete']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', ...JSON_CT });
    expect(r.body.toString()).toBe('{"prompt":"p","model":"claude-sonnet-4-6","extension_id":"app1","temperature":0.1}');
  });

  it('billing', async () => {
    const ctx = ctxOf();
    await ctx.billing.trackUsage('tokens', 5);
    let r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/billing/internal/usage/track']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', 'x-acting-user': 'u1', ...JSON_CT });
    expect(r.body.toString()).toBe('{"meter":"tokens","quantity":5,"user_id":"u1","tenant_id":"default"}');
    for (const [call, route] of [
      [() => ctx.billing.getBalance(), 'balance'],
      [() => ctx.billing.getSubscription(), 'subscription'],
      [() => ctx.billing.checkLimits(), 'user-limits'],
    ] as const) {
      gw.clearRequests();
      await call();
      r = only();
      expect([r.method, r.rawUrl]).toEqual(['GET', `/v1/billing/internal/${route}/u1`]);
      expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', 'x-acting-user': 'u1' });
    }
  });

  it('notify (Bearer)', async () => {
    await ctxOf().notify('hello', { priority: 'high' });
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/notify']);
    expect(contractHeaders(r)).toEqual({ authorization: 'Bearer svc', ...JSON_CT });
    expect(r.body.toString()).toBe('{"user_id":"u1","message":"hello","extension_id":"app1","priority":"high"}');
    gw.clearRequests();
    await ctxOf().notify.send('bye', { subject: 's' });
    expect(only().body.toString()).toBe('{"user_id":"u1","message":"bye","extension_id":"app1","channel":"in_app","subject":"s"}');
  });

  it('storage upload is multipart with parts in order', async () => {
    await ctxOf().storage.upload('dir/a.txt', 'hi', 'text/plain');
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/storage/upload']);
    expect(r.headers.authorization).toBe('Bearer svc');
    expect(r.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = r.body.toString();
    const names = [...body.matchAll(/; name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['path', 'extension_id', 'tenant_id', 'file']);
    expect(body).toMatch(/name="file"; filename="dir\/a.txt"\r\nContent-Type: text\/plain\r\n\r\nhi\r\n/);
  });

  it('storage list, download, delete query strings', async () => {
    const ctx = ctxOf();
    await ctx.storage.list('dir/');
    expect(only().rawUrl).toBe('/v1/internal/storage/list?prefix=dir%2F&extension_id=app1&tenant_id=t1');
    gw.clearRequests();
    await ctx.storage.download('dir/a.txt').catch(() => undefined);
    expect([only().method, gw.requests[0]!.rawUrl, gw.requests[0]!.headers.authorization]).toEqual(['GET', '/v1/internal/storage/download?path=dir%2Fa.txt&extension_id=app1&tenant_id=t1', 'Bearer svc']);
    gw.clearRequests();
    await ctx.storage.delete('dir/a.txt');
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['DELETE', '/v1/internal/storage?path=dir%2Fa.txt&extension_id=app1&tenant_id=t1']);
  });

  it('skeleton.get sends the call token', async () => {
    await ctxOf('skeleton').skeleton.get('mail');
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['GET', '/v1/internal/skeleton/app1/u1/mail']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', authorization: 'ImperalCallToken TOK' });
  });

  it('cache set and delete (once per model)', async () => {
    const ctx = ctxOf();
    await ctx.cache.set('page:1', 'inbox', { unread: 3 }, { ttlSeconds: 60 });
    let r = only();
    expect([r.method, r.rawUrl]).toEqual(['PUT', '/v1/internal/extcache/app1/u1/inbox/00f081779b832543']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', authorization: 'ImperalCallToken TOK', ...JSON_CT });
    expect(r.body.toString()).toBe('{"envelope":{"model":"inbox","version":1,"data":{"unread":3},"cached_at":"2026-01-01T00:00:00.000+00:00"},"ttl_seconds":60}');
    gw.clearRequests();
    expect(await ctx.cache.get('page:1', 'inbox')).toEqual({ unread: 3 });
    r = only();
    expect([r.method, r.rawUrl]).toEqual(['GET', '/v1/internal/extcache/app1/u1/inbox/00f081779b832543']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', authorization: 'ImperalCallToken TOK' });
    gw.clearRequests();
    await ctx.cache.delete('page:1');
    expect(gw.requests.map((q) => [q.method, q.rawUrl])).toEqual([
      ['DELETE', '/v1/internal/extcache/app1/u1/inbox/00f081779b832543'],
      ['DELETE', '/v1/internal/extcache/app1/u1/other/00f081779b832543'],
    ]);
  });

  it('secrets', async () => {
    const ctx = ctxOf();
    await ctx.secrets.set('api_key', 'v-01');
    let r = only();
    expect([r.method, r.rawUrl]).toEqual(['PUT', '/v1/secrets/app1/api_key']);
    expect(contractHeaders(r)).toEqual({ authorization: 'Bearer sess', 'x-acting-user': 'u1', 'x-ext-id': 'app1', ...JSON_CT });
    expect(r.body.toString()).toBe('{"value":"v-01"}');
    for (const [call, method, url] of [
      [() => ctx.secrets.get('api_key'), 'GET', '/v1/secrets/app1/api_key'],
      [() => ctx.secrets.isSet('api_key'), 'GET', '/v1/secrets/app1/api_key/meta'],
      [() => ctx.secrets.list(), 'GET', '/v1/secrets/app1'],
      [() => ctx.secrets.delete('api_key'), 'DELETE', '/v1/secrets/app1/api_key'],
    ] as const) {
      gw.clearRequests();
      await call();
      r = only();
      expect([r.method, r.rawUrl]).toEqual([method, url]);
      expect(contractHeaders(r)).toEqual({ authorization: 'Bearer sess', 'x-acting-user': 'u1', 'x-ext-id': 'app1' });
    }
  });

  it('chat inject', async () => {
    await ctxOf().deliverChatMessage('hello', { msgType: 'system', refreshPanels: ['inbox'] });
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/chat/inject']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', 'x-acting-user': 'u1', ...JSON_CT });
    expect(r.body.toString()).toBe('{"ext_id":"app1","user_id":"u1","text":"hello","msg_type":"system","refresh_panels":["inbox"]}');
  });

  it('extensions.call and emit', async () => {
    gw.platform.bus.expose('other', 'm', () => 1);
    const ctx = ctxOf();
    await ctx.extensions.call('other', 'm', { a: 1 });
    let r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/extensions/other/call']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', 'x-acting-user': 'u1', 'x-extension-id': 'app1', 'x-imperal-call-stack': 'app1,other', ...JSON_CT });
    expect(r.body.toString()).toBe('{"user_id":"u1","tenant_id":"t1","function":"m","params":{"a":1}}');
    gw.clearRequests();
    await ctx.extensions.emit('task.created', { id: 't' }, { idempotencyKey: 'evt-1' });
    r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/events/publish']);
    expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', 'idempotency-key': 'evt-1', ...JSON_CT });
    expect(r.body.toString()).toBe('{"tenant_id":"t1","scope":"app1","action":"task.created","id":"evt-1","actor":"app1","user_id":"u1","data":{"id":"t"}}');
  });

  it('asUser rebinds the acting user on the wire', async () => {
    const sys = ctxOf('system', '__system__') as SystemContext;
    await sys.asUser('u9').store.create('notes', { a: 1 });
    expect(JSON.parse(only().body.toString()).user_id).toBe('u9');
  });

  it('asUser rebinds notify, billing, cache, secrets and chat too', async () => {
    const u9 = (ctxOf('system', '__system__') as SystemContext).asUser('u9');
    await u9.notify('hi');
    await u9.billing.getBalance();
    await u9.cache.get('k', 'inbox');
    await u9.secrets.get('api_key');
    await u9.deliverChatMessage('done');
    const [notify, billing, cache, secret, chat] = gw.requests;
    expect(JSON.parse(notify!.body.toString()).user_id).toBe('u9');
    expect([billing!.rawUrl, billing!.headers['x-acting-user']]).toEqual(['/v1/billing/internal/balance/u9', 'u9']);
    expect(cache!.rawUrl).toMatch(/^\/v1\/internal\/extcache\/app1\/u9\/inbox\//);
    expect(secret!.headers['x-acting-user']).toBe('u9');
    expect([chat!.headers['x-acting-user'], JSON.parse(chat!.body.toString()).user_id]).toEqual(['u9', 'u9']);
  });
});

describe('store wire: every request, composites and paging', () => {
  it('update, delete, count, listUsers and queryAll carry the store headers too', async () => {
    const ctx = ctxOf();
    const doc = await ctx.store.create('hdr', { a: 1 });
    await ctx.store.update('hdr', doc.id, { a: 2 });
    await ctx.store.count('hdr');
    await ctx.store.delete('hdr', doc.id);
    const sys = ctxOf('system', '__system__');
    for await (const _ of sys.store.listUsers('hdr')) void _;
    await sys.store.queryAll('hdr');
    expect(gw.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'POST', 'DELETE', 'GET', 'GET']);
    for (const r of gw.requests) {
      const { 'content-type': _ct, ...rest } = contractHeaders(r);
      expect(rest).toEqual(STORE_HEADERS);
    }
    expect(gw.requests[2]!.body.toString()).toBe('{"where":{},"extension_id":"app1","user_id":"u1","tenant_id":"t1"}');
  });

  it('listUsers follows next_cursor page by page', async () => {
    for (const u of ['ua', 'ub', 'uc']) await ctxOf('tool', u).store.create('people', { u });
    gw.clearRequests();
    const ids: string[] = [];
    for await (const id of ctxOf('system', '__system__').store.listUsers('people', { pageSize: 2 })) ids.push(id);
    expect(ids).toEqual(['ua', 'ub', 'uc']);
    expect(gw.requests.map((r) => r.rawUrl)).toEqual([
      '/v1/internal/store/people/list_users?extension_id=app1&tenant_id=t1&cursor=0&limit=2',
      '/v1/internal/store/people/list_users?extension_id=app1&tenant_id=t1&cursor=2&limit=2',
    ]);
  });

  it('set: GET, then PATCH when the document exists; the lookup never carries the idempotency key', async () => {
    const ctx = ctxOf();
    const doc = await ctx.store.create('kv', { v: 1 });
    gw.clearRequests();
    await ctx.store.set(`kv/${doc.id}`, { v: 2 }, { idempotencyKey: 'set-1' });
    expect(gw.requests.map((r) => [r.method, r.rawUrl, r.headers['idempotency-key']])).toEqual([
      ['GET', `/v1/internal/store/kv/${doc.id}?extension_id=app1&tenant_id=t1`, undefined],
      ['PATCH', `/v1/internal/store/kv/${doc.id}`, 'set-1'],
    ]);
    expect(gw.requests[1]!.body.toString()).toBe('{"data":{"v":2},"extension_id":"app1","tenant_id":"t1"}');
  });

  it('set: GET, then POST (gateway-assigned id) when it does not', async () => {
    await ctxOf().store.set('kv/missing', { v: 1 });
    expect(gw.requests.map((r) => [r.method, r.rawUrl])).toEqual([
      ['GET', '/v1/internal/store/kv/missing?extension_id=app1&tenant_id=t1'],
      ['POST', '/v1/internal/store'],
    ]);
    expect(gw.requests[1]!.body.toString()).toBe('{"collection":"kv","data":{"v":1},"user_id":"u1","extension_id":"app1","tenant_id":"t1"}');
  });

  it('list(prefix) is one default query of the collection before the first "/"', async () => {
    await ctxOf().store.list('notes/sub/dir');
    const r = only();
    expect([r.method, r.rawUrl]).toEqual(['POST', '/v1/internal/store/notes/query']);
    expect(r.body.toString()).toBe('{"where":{},"order_by":null,"limit":100,"extension_id":"app1","user_id":"u1","tenant_id":"t1"}');
  });

  it('path segments are escaped like the platform client; "/" (which the gateway would decode) is refused', async () => {
    await ctxOf().store.get('notes', "a:b@c d%e?f#!$&'()*+,;=");
    expect(only().rawUrl).toBe("/v1/internal/store/notes/a:b@c%20d%25e%3Ff%23!$&'()*+,;=?extension_id=app1&tenant_id=t1");
    await expect(ctxOf().store.get('notes', 'd/e')).rejects.toMatchObject({ field: 'id' });
  });
});

describe('other clients wire: remaining methods and options', () => {
  it('ai.complete sends the named options after extension_id, extra fields last', async () => {
    await ctxOf().ai.complete('p', { model: 'm', maxTokens: 10, temperature: 0.5, system: 's', messages: [{ role: 'user', content: 'x' }], extra: { top_p: 1 } });
    expect(only().body.toString()).toBe(
      '{"prompt":"p","model":"m","extension_id":"app1","max_tokens":10,"temperature":0.5,"system":"s","messages":[{"role":"user","content":"x"}],"top_p":1}',
    );
  });

  it('storage: upload part values; list and delete carry only the Bearer token', async () => {
    const ctx = ctxOf();
    await ctx.storage.upload('d/b.bin', new Uint8Array([1, 2]));
    const body = only().body.toString('latin1');
    for (const [name, value] of [['path', 'd/b.bin'], ['extension_id', 'app1'], ['tenant_id', 't1']]) {
      expect(body).toContain(`name="${name}"\r\n\r\n${value}\r\n`);
    }
    expect(body).toMatch(/name="file"; filename="d\/b.bin"\r\nContent-Type: application\/octet-stream\r\n\r\n\x01\x02\r\n/);
    gw.clearRequests();
    await ctx.storage.list();
    await ctx.storage.delete('d/b.bin');
    expect(gw.requests.map((r) => r.rawUrl)).toEqual(['/v1/internal/storage/list?prefix=&extension_id=app1&tenant_id=t1', '/v1/internal/storage?path=d%2Fb.bin&extension_id=app1&tenant_id=t1']);
    for (const r of gw.requests) expect(contractHeaders(r)).toEqual({ authorization: 'Bearer svc' });
  });

  it('cache.getOrFetch: GET then PUT on a miss, only GET on a hit; delete carries the call token', async () => {
    const ctx = ctxOf();
    const fetch = () => Promise.resolve({ unread: 7 });
    expect(await ctx.cache.getOrFetch('gof', 'inbox', fetch, { ttlSeconds: 30 })).toEqual({ unread: 7 });
    const url = '/v1/internal/extcache/app1/u1/inbox/' + (await import('../../src/context/clients/cache-models.js')).cacheKeyHash('gof');
    expect(gw.requests.map((r) => [r.method, r.rawUrl])).toEqual([['GET', url], ['PUT', url]]);
    expect(JSON.parse(gw.requests[1]!.body.toString()).ttl_seconds).toBe(30);
    gw.clearRequests();
    expect(await ctx.cache.getOrFetch('gof', 'inbox', fetch)).toEqual({ unread: 7 });
    expect(only().method).toBe('GET');
    gw.clearRequests();
    await ctx.cache.delete('gof');
    for (const r of gw.requests) expect(contractHeaders(r)).toEqual({ 'x-service-token': 'svc', authorization: 'ImperalCallToken TOK' });
  });

  it('app-scoped secrets name the acting user on the wire (5.11); the vault keeps one value per installation', async () => {
    const ctx = ctxOf();
    await ctx.secrets.set('shared_key', 'v-01');
    await ctx.secrets.get('shared_key');
    await ctx.secrets.isSet('shared_key');
    expect(gw.requests.map((r) => [r.method, r.rawUrl, r.headers['x-acting-user']])).toEqual([
      ['PUT', '/v1/secrets/app1/shared_key', 'u1'],
      ['GET', '/v1/secrets/app1/shared_key', 'u1'],
      ['GET', '/v1/secrets/app1/shared_key/meta', 'u1'],
    ]);
    expect(await ctxOf('tool', 'u2').secrets.get('shared_key')).toBe('v-01');
  });

  it('emit without a key: the event id doubles as the Idempotency-Key', async () => {
    await ctxOf().extensions.emit('app1.task.done');
    const r = only();
    const body = JSON.parse(r.body.toString());
    expect(body).toMatchObject({ scope: 'app1', action: 'task.done', actor: 'app1', data: {} });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers['idempotency-key']).toBe(body.id);
  });
});
