/**
 * Every wire kind through `POST /v1/rpc` (a real HTTP server on 127.0.0.1, the real
 * host core and gateway clients) answers with the result `dispatch` gives for the
 * same invocation and identity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Invocation } from '../../src/core/dispatch.js';
import { decodeReply, decodeRequest } from '../../src/rpc/envelope.js';
import type { EventDict } from '../../src/types/event.js';
import { calls, ext } from './fixtures/wire-ext.js';
import { startTestHost, type TestHost } from './helpers/http-host.js';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost(ext);
});
afterAll(async () => {
  await t.close();
});

const event: EventDict = { event_type: 'wire.ping', data: { n: 7 }, user_id: 'imp_u_alice', tenant_id: 'tenant-a', timestamp: '2026-12-01T00:00:00Z' };

// wire name, params, user, and the dispatcher invocation it stands for
const CASES: Array<[string, string, Record<string, unknown>, string, Invocation]> = [
  ['chat function', 'echo', { text: 'hi' }, 'imp_u_alice', { kind: 'function', name: 'echo', params: { text: 'hi' } }],
  ['chat function, invalid params', 'echo', { text: '' }, 'imp_u_alice', { kind: 'function', name: 'echo', params: { text: '' } }],
  ['unknown function', 'nope', {}, 'imp_u_alice', { kind: 'tool', name: 'nope', params: {} }],
  ['raw tool', 'raw_tool', { text: 'abc' }, 'imp_u_alice', { kind: 'tool', name: 'raw_tool', params: { text: 'abc' } }],
  ['panel', '__panel__main', { page: 2 }, 'imp_u_alice', { kind: 'panel', id: 'main', params: { page: 2 } }],
  ['widget', '__widget__counter', {}, 'imp_u_alice', { kind: 'widget', id: 'counter', params: {} }],
  ['tray', '__tray__status', {}, 'imp_u_alice', { kind: 'tray', id: 'status', params: {} }],
  ['skeleton refresh', 'skeleton_refresh_summary', {}, 'imp_u_alice', { kind: 'skeleton', section: 'summary' }],
  ['schedule', '__schedule__nightly', {}, '__system__', { kind: 'schedule', name: 'nightly' }],
  ['event', '__event__', { ...event }, '__system__', { kind: 'event', event }],
  ['lifecycle', '__lifecycle__on_install', {}, '__system__', { kind: 'lifecycle', hook: 'on_install' }],
  ['health', '__health__', {}, '__system__', { kind: 'health' }],
];

describe('every wire kind over HTTP equals dispatch', () => {
  it.each(CASES)('%s', async (_label, fn, params, userId, invocation) => {
    const body = t.body(fn, params, { user_id: userId });
    const before = calls.count;
    const res = await t.rpc(body, { authorization: `ImperalCallToken ${t.token({ userId })}` });
    expect(res.status).toBe(200);
    const reply = decodeReply(await res.text()).value;
    expect(reply.status).toBe('success');
    expect(reply.worker_id).toBe('http-test-worker');
    const request = decodeRequest(body).value;
    expect(reply.corr_id).toBe(request.corr_id);
    const ranOverHttp = calls.count - before;

    // The same invocation straight through the dispatcher, with the context the host builds.
    const { ctx } = t.contexts.forCall(request);
    const direct = await dispatch(ext, invocation, ctx);
    expect(reply.result).toEqual(JSON.parse(JSON.stringify(direct)));
    // The handler ran once per path (health and unknown names count nothing).
    expect(calls.count - before - ranOverHttp).toBe(ranOverHttp);
  });

  it('builds the context from the envelope: identity, tenant, scopes, attributes, agency, kind', async () => {
    const body = t.body('echo', { text: 'who' }, { agency_id: 'ag-1', scopes: ['a:read', 'b:*'], attributes: { plan: 'team' } });
    const res = await t.rpc(body, { authorization: `ImperalCallToken ${t.token()}` });
    const reply = decodeReply(await res.text()).value;
    expect(reply.result?.data).toEqual({
      text: 'who',
      user: 'imp_u_alice',
      tenant: 'tenant-a',
      scopes: ['a:read', 'b:*'],
      role: 'admin',
      agency: 'ag-1',
      kind: 'chat_fn',
      attrs: { plan: 'team' },
    });
  });

  it('a raw tool runs in a tool context and a skeleton refresh in a skeleton context', async () => {
    const tool = decodeReply(await (await t.rpc(t.body('raw_tool', { text: 'x' }), { authorization: `ImperalCallToken ${t.token()}` })).text()).value;
    expect(tool.result).toEqual({ upper: 'X', kind: 'tool' });
    const sk = decodeReply(await (await t.rpc(t.body('skeleton_refresh_summary'), { authorization: `ImperalCallToken ${t.token()}` })).text()).value;
    expect(sk.result).toEqual({ response: { kind: 'skeleton', user: 'imp_u_alice' } });
  });

  it('a schedule as __system__ gets a system context (asUser works)', async () => {
    const res = await t.rpc(t.body('__schedule__nightly', {}, { user_id: '__system__' }), { authorization: `ImperalCallToken ${t.token({ userId: '__system__' })}` });
    expect(decodeReply(await res.text()).value.result).toEqual({ status: 'ok' });
  });

  it('an envelope that fails the schema gets a schema_violation reply with status 200, handler not run', async () => {
    const before = calls.count;
    const bad = JSON.stringify({ ...t.envelope('echo', { text: 'x' }), corr_id: 'short', deadline_ns: 1, submitted_at_ns: 1 });
    const res = await t.rpc(bad, { authorization: `ImperalCallToken ${t.token()}` });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as { status: string; error: { category: string; retryable: boolean } };
    expect(reply.status).toBe('error');
    expect(reply.error.category).toBe('schema_violation');
    expect(reply.error.retryable).toBe(false);
    expect(calls.count).toBe(before);
  });

  it('a request already past its deadline gets a timeout reply without running', async () => {
    const before = calls.count;
    const res = await t.rpc(t.body('echo', { text: 'late' }, { deadline_ns: 1_000_000_000n }), { authorization: `ImperalCallToken ${t.token()}` });
    const reply = decodeReply(await res.text()).value;
    expect(reply.error?.category).toBe('timeout');
    expect(calls.count).toBe(before);
  });
});
