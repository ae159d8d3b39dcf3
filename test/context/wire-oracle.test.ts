/**
 * The 5.11 client wire, request by request: `oracle/wire.v5.json` holds the
 * HTTP requests the Python SDK 5.11 clients send for a list of calls (captured
 * with respx). Each call is made here with the TypeScript client against canned
 * answers, and what reached the dispatcher is compared with the captured
 * request: method, path, query, headers (minus the transport's own) and body,
 * plus the per-request timeout.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MockAgent, type Dispatcher } from 'undici';
import { z } from 'zod';
import { createContext } from '../../src/context/factory.js';
import type { Context, SystemContext } from '../../src/context/context.js';
import { Extension } from '../../src/core/extension.js';
import { readReference } from '../helpers/reference.js';

interface OracleRequest {
  call: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeout_s: number;
}
const oracle = readReference<{ requests: OracleRequest[]; _meta: { headers: string } }>('oracle/wire.v5.json');

/** Headers the capture dropped as transport defaults (see `_meta.headers`). */
const TRANSPORT_HEADERS = new Set(['accept', 'accept-encoding', 'connection', 'content-length', 'host', 'user-agent']);

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number | undefined;
}

const sent: Sent[] = [];
const agent = new MockAgent({ connections: 1 });
agent.disableNetConnect();
const gw = agent.get('https://gw.test');

function headerRecord(raw: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) for (let i = 0; i < raw.length; i += 2) out[String(raw[i]).toLowerCase()] = String(raw[i + 1]);
  else if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

const recorder: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
  const body = opts.body == null ? null : typeof opts.body === 'string' ? opts.body : Buffer.from(opts.body as Uint8Array).toString('utf8');
  sent.push({ method: opts.method, path: opts.path, headers: headerRecord(opts.headers), body, timeoutMs: opts.headersTimeout ?? undefined });
  return dispatch(opts, handler);
};
const dispatcher = agent.compose(recorder);

const ext = new Extension('app1');
ext.cacheModel('inbox', z.object({ unread: z.number(), folder: z.string().default('INBOX') }));
ext.secret({ name: 'api_key', description: 'API key', writeMode: 'both' });
ext.secret({ name: 'shared_key', description: 'One per installation', writeMode: 'both', scope: 'app' });

function ctxOf<K extends 'tool' | 'system'>(kind: K): K extends 'system' ? SystemContext : Context {
  return createContext({
    kind,
    gatewayUrl: 'https://gw.test',
    serviceToken: 'svc',
    sessionToken: 'sess',
    callToken: 'TOK',
    identity: { imperalId: kind === 'system' ? '__system__' : 'u1', tenantId: 't1' },
    tenant: { tenantId: 't1' },
    extension: ext,
    dispatcher,
    retry: { maxRetries: 0 },
  }) as never;
}

const DOC = { id: 'd1', collection: 'notes', data: { a: 1 }, extension_id: '', tenant_id: 'default', created_at: 'c', updated_at: 'u', user_id: '', etag: '' };
const EMPTY_PAGE = { data: [], cursor: null, has_more: false, total: null };

/** Queues one canned answer for the next request with `method`. */
function answer(method: string, status: number, body: unknown): void {
  gw.intercept({ path: () => true, method }).reply(status, body === undefined ? '' : JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

/** Our equivalent of each captured call, in the oracle's order, with the answer the capture used. */
const steps: Array<{ call: string; run: () => Promise<unknown>; expected: unknown }> = [];
function step(call: string, replies: Array<[string, number, unknown]>, run: () => Promise<unknown>, expected: unknown): void {
  steps.push({
    call,
    run: async () => {
      for (const [m, s, b] of replies) answer(m, s, b);
      return run();
    },
    expected,
  });
}

const user = ctxOf('tool');
step('store.create("notes", {"a": 1})', [['POST', 201, DOC]], async () => (await user.store.create('notes', { a: 1 })).id, 'd1');
step('store.query("notes", where={"k": 1}, order_by="-created_at", limit=5)', [['POST', 200, EMPTY_PAGE]], async () => (await user.store.query('notes', { where: { k: 1 }, orderBy: '-created_at', limit: 5 })).data, []);
step('store.query("notes")', [['POST', 200, EMPTY_PAGE]], async () => (await user.store.query('notes')).hasMore, false);
step('store.get("notes", "d 1")', [['GET', 200, { ...DOC, id: 'd 1', etag: 'e1' }]], async () => (await user.store.get('notes', 'd 1'))?.etag, 'e1');
step('store.get("notes/d1")', [['GET', 200, DOC]], async () => (await user.store.get('notes/d1'))?.id, 'd1');
step('store.update("notes", "d1", {"a": 2})', [['PATCH', 200, { ...DOC, data: { a: 2 }, etag: 'e2' }]], async () => (await user.store.update('notes', 'd1', { a: 2 })).etag, 'e2');
step('store.update("notes", "d1", {"a": 3}, if_match="e2")', [['PATCH', 200, { ...DOC, data: { a: 3 }, etag: 'e3' }]], async () => (await user.store.update('notes', 'd1', { a: 3 }, { ifMatch: 'e2' })).etag, 'e3');
step('store.delete("notes", "d1")', [['DELETE', 200, { deleted: true }]], () => user.store.delete('notes', 'd1'), true);
step('store.count("notes", where={"k": 1})', [['POST', 200, { count: 4 }]], () => user.store.count('notes', { k: 1 }), 4);
step(
  'store.list_users("notes", page_size=2)  # client user_id="__system__"',
  [
    ['GET', 200, { user_ids: ['u1', 'u2'], next_cursor: 'c2' }],
    ['GET', 200, { user_ids: ['u3'], next_cursor: null }],
  ],
  async () => {
    const ids: string[] = [];
    for await (const id of ctxOf('system').store.listUsers('notes', { pageSize: 2 })) ids.push(id);
    return ids;
  },
  ['u1', 'u2', 'u3'],
);
step('secrets.get("api_key")', [['GET', 200, { value: 'v' }]], () => user.secrets.get('api_key'), 'v');
step('secrets.set("api_key", "v")', [['PUT', 200, {}]], () => user.secrets.set('api_key', 'v'), undefined);
step('secrets.get("shared_key")  # declared scope="app"', [['GET', 200, { value: 's' }]], () => user.secrets.get('shared_key'), 's');
step('secrets.set("shared_key", "s")  # declared scope="app"', [['PUT', 200, {}]], () => user.secrets.set('shared_key', 's'), undefined);
step('cache.set("page:1", Inbox(unread=3), ttl_seconds=60)', [['PUT', 200, {}]], () => user.cache.set('page:1', 'inbox', { unread: 3 } as never, { ttlSeconds: 60 }), undefined);
step(
  'cache.get("page:1", Inbox)',
  [['GET', 200, { model: 'inbox', version: 1, data: { unread: 3, folder: 'INBOX' }, cached_at: '2026-12-01T13:57:15+00:00' }]],
  () => user.cache.get('page:1', 'inbox'),
  { unread: 3, folder: 'INBOX' },
);
step('notify("hello", priority="high")  # NotifyClient(extension_id="app1")', [['POST', 200, {}]], () => user.notify('hello', { priority: 'high' }), undefined);
step('notify.send("hi", channel="email", subject="S")', [['POST', 200, {}]], () => user.notify.send('hi', { channel: 'email', subject: 'S' }), undefined);
step('notify("hello", extension_id="other")  # kwarg overrides', [['POST', 200, {}]], () => user.notify('hello', { extension_id: 'other' }), undefined);
step('billing.track_usage("tokens", 5)  # service_token + user_id', [['POST', 200, { ok: true }]], () => user.billing.trackUsage('tokens', 5), true);

/**
 * Captured calls with no TypeScript equivalent: every TS context knows its
 * extension, so a notify client without an extension id cannot be built.
 */
const NOT_APPLICABLE = new Set(['notify("hello")  # NotifyClient without extension_id']);

/** The captured request as comparable parts. */
function expectedOf(r: OracleRequest) {
  const url = new URL(r.url);
  return {
    method: r.method,
    path: url.pathname,
    query: [...url.searchParams.entries()],
    headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: r.body,
    timeoutS: r.timeout_s,
  };
}

/** What we sent, as the same parts (the cache envelope's `cached_at` is the current time in both). */
function actualOf(s: Sent) {
  const url = new URL(s.path, 'https://gw.test');
  const headers = Object.fromEntries(Object.entries(s.headers).filter(([k]) => !TRANSPORT_HEADERS.has(k)));
  return {
    method: s.method,
    path: url.pathname,
    query: [...url.searchParams.entries()],
    headers,
    body: s.body === null || s.body === '' ? null : (JSON.parse(s.body) as unknown),
    timeoutS: s.timeoutMs === undefined ? undefined : s.timeoutMs / 1000,
  };
}

function dropCachedAt(body: unknown): unknown {
  const envelope = (body as { envelope?: Record<string, unknown> } | null)?.envelope;
  if (!envelope || !('cached_at' in envelope)) return body;
  expect(String(envelope.cached_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
  const { cached_at: _volatile, ...rest } = envelope;
  return { ...(body as object), envelope: rest };
}

afterAll(async () => {
  await agent.close();
});

describe('5.11 client wire (oracle/wire.v5.json)', () => {
  it('every captured call has a TypeScript equivalent here, in the same order', () => {
    const ours = steps.flatMap((s) => (s.call.startsWith('store.list_users') ? [s.call, s.call] : [s.call]));
    const theirs = oracle.requests.map((r) => r.call).filter((c) => !NOT_APPLICABLE.has(c));
    expect(ours).toEqual(theirs);
  });

  it('sends the same requests: method, path, query, headers, body and timeout', async () => {
    for (const s of steps) {
      const before = sent.length;
      const result = await s.run();
      expect(result, s.call).toEqual(s.expected);
      const expected = oracle.requests.filter((r) => r.call === s.call);
      const actual = sent.slice(before);
      expect(actual.length, `${s.call}: request count`).toBe(expected.length);
      expected.forEach((want, i) => {
        const got = actualOf(actual[i]!);
        const exp = expectedOf(want);
        expect({ ...got, body: dropCachedAt(got.body) }, s.call).toEqual({ ...exp, body: dropCachedAt(exp.body) });
        // Header order is part of what was captured; ours matches it too.
        expect(Object.keys(got.headers), `${s.call}: header order`).toEqual(Object.keys(exp.headers));
        expect(JSON.stringify(dropCachedAt(got.body)), `${s.call}: body key order`).toBe(JSON.stringify(dropCachedAt(exp.body)));
      });
    }
  });
});
