/**
 * The Redis Streams transport against a real redis-server: every wire kind equals
 * `dispatch`, bad envelopes, deadlines, duplicate corr_ids, reclaim of a dead
 * consumer's entries, and the dead-letter stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Invocation } from '../../src/core/dispatch.js';
import { decodeReply, decodeRequest, encodeRequest } from '../../src/rpc/envelope.js';
import type { EventDict } from '../../src/types/event.js';
import { nowNs } from '../../src/rpc/replies.js';
import { CallContextFactory } from '../../src/serve/call-context.js';
import { OUTCOME_UNKNOWN, serve, startedKey, type ServeHandle } from '../../src/serve/index.js';
import { LocalGateway } from '../../src/testing/gateway/index.js';
import { calls, ext } from './fixtures/wire-ext.js';
import { PlatformClient } from './helpers/redis-client.js';
import { RedisServer, requireRedis } from './helpers/redis-server.js';

const run = requireRedis();
const STREAM = 'imperal:rpc:extension_call:wire-kinds';
const GROUP = 'imperal-ext:wire-kinds';

let redis: RedisServer;
let gateway: LocalGateway;
let handle: ServeHandle;
let platform: PlatformClient;
let early: ReturnType<PlatformClient['envelope']>;
const logs: string[] = [];

describe.runIf(run)('Redis Streams transport', () => {
  beforeAll(async () => {
    redis = await RedisServer.start();
    gateway = new LocalGateway({ serviceToken: 'svc-secret-token', extensions: [ext] });
    const gatewayUrl = await gateway.start();
    platform = new PlatformClient(redis.url, STREAM, ext.appId);
    // Queued before any worker (and before the group) existed: still served (group at id 0).
    early = platform.envelope('echo', { text: 'early' });
    await platform.send(early);
    handle = await serve(
      ext,
      { redis: redis.url, gatewayUrl, serviceToken: 'svc-secret-token', http: '127.0.0.1:0', claimIdleMs: 300, maxDeliveries: 5, handleSignals: false, jsonLogs: true, consumer: 'worker-a', drainTimeoutMs: 5000 },
      { logDestination: { write: (line: string) => logs.push(line) } },
    );
  });
  afterAll(async () => {
    await handle?.shutdown();
    await platform?.close();
    await gateway?.stop();
    await redis?.stop();
  });

  it('serves a call queued before the first worker started', async () => {
    const raw = await platform.waitRaw(early.reply_list, 10);
    expect(decodeReply(raw!).value.result?.data).toMatchObject({ text: 'early' });
  });

  it('prints one start line naming the app, version and transports; secrets never logged', () => {
    const start = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => typeof l.msg === 'string' && (l.msg as string).startsWith('imperal serve:'));
    expect(start).toHaveLength(1);
    expect(start[0]).toMatchObject({ app_id: 'wire-kinds', version: '2.1.0', transports: ['redis', 'http'] });
    expect(start[0]!.msg).toContain(`stream=${STREAM}`);
    expect(logs.join('\n')).not.toContain('svc-secret-token');
  });

  const event: EventDict = { event_type: 'wire.ping', data: { n: 7 }, user_id: 'imp_u_alice', tenant_id: 'tenant-a', timestamp: '2026-12-01T00:00:00Z' };
  const CASES: Array<[string, string, Record<string, unknown>, string, Invocation]> = [
    ['chat function', 'echo', { text: 'hi' }, 'imp_u_alice', { kind: 'function', name: 'echo', params: { text: 'hi' } }],
    ['chat function, invalid params', 'echo', { text: '' }, 'imp_u_alice', { kind: 'function', name: 'echo', params: { text: '' } }],
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

  it.each(CASES)('wire kind over Redis equals dispatch: %s', async (_label, fn, params, userId, invocation) => {
    const env = platform.envelope(fn, params, { user_id: userId });
    const reply = await platform.call(env);
    expect(reply).toMatchObject({ status: 'success', corr_id: env.corr_id, worker_id: 'worker-a', error: null });
    const request = decodeRequest(encodeRequest(env as Parameters<typeof encodeRequest>[0])).value;
    const { ctx } = new CallContextFactory({ ext, gatewayUrl: gateway.url, serviceToken: 'svc-secret-token' }).forCall(request);
    expect(reply.result).toEqual(JSON.parse(JSON.stringify(await dispatch(ext, invocation, ctx))));
  });

  it('an undecodable envelope with a reply_list gets a schema_violation reply; the entry is acknowledged', async () => {
    const before = calls.count;
    const list = 'imperal:rpc:reply:bad-envelope-1';
    await platform.sendRaw('payload', JSON.stringify({ v: 1, corr_id: 'short', reply_list: list, function: 'echo' }));
    const reply = JSON.parse((await platform.waitRaw(list, 10))!) as { status: string; corr_id: string; error: { category: string; retryable: boolean } };
    expect(reply).toMatchObject({ status: 'error', corr_id: 'short', error: { category: 'schema_violation', retryable: false } });
    expect(calls.count).toBe(before);
    await expectNothingPending();
  });

  it('payloads that are not JSON, or entries without a payload, are acknowledged and the consumer keeps serving', async () => {
    await platform.sendRaw('payload', '{not json');
    await platform.sendRaw('other', 'x');
    const reply = await platform.call(platform.envelope('echo', { text: 'after poison' }));
    expect(reply.status).toBe('success');
    await expectNothingPending();
  });

  it('a request already past its deadline gets a timeout reply without running', async () => {
    const before = calls.count;
    const reply = await platform.call(platform.envelope('echo', { text: 'late' }, { deadline_ns: nowNs() - 1_000_000n }));
    expect(reply.error).toMatchObject({ category: 'timeout', retryable: true });
    expect(calls.count).toBe(before);
  });

  it('a hanging handler gets a timeout reply at its deadline', async () => {
    const t0 = Date.now();
    const reply = await platform.call(platform.envelope('sleep', { ms: 60_000 }, { deadline_ns: nowNs() + 400_000_000n }));
    const took = Date.now() - t0;
    expect(reply.status).toBe('error');
    expect(reply.error).toMatchObject({ category: 'timeout', retryable: true });
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(5_000);
  });

  it('the same corr_id sent again is answered from the stored reply, handler not run again', async () => {
    const env = platform.envelope('echo', { text: 'once' });
    const first = await platform.call(env);
    const before = calls.count;
    const second = await platform.call(env);
    expect(second).toEqual(first);
    expect(calls.count).toBe(before);
  });

  it('a started marker without a reply answers "outcome unknown" (infrastructure, not retryable) without running', async () => {
    const env = platform.envelope('echo', { text: 'crashed elsewhere' });
    await platform.redis.set(startedKey(env.corr_id), 'dead-worker', 'PX', 60_000);
    const before = calls.count;
    const reply = await platform.call(env);
    expect(reply.error).toEqual({ category: 'infrastructure', message: OUTCOME_UNKNOWN, retryable: false });
    expect(calls.count).toBe(before);
  });

  it("reclaims a dead consumer's idle entry and runs it (no started marker)", async () => {
    const env = platform.envelope('echo', { text: 'orphan' });
    const id = await ghostTakes(env);
    const before = calls.count;
    const raw = await platform.waitRaw(env.reply_list, 10);
    expect(decodeReply(raw!).value.result?.data).toMatchObject({ text: 'orphan' });
    expect(calls.count).toBe(before + 1);
    const pending = (await platform.redis.xpending(STREAM, GROUP, id, id, 1)) as unknown[];
    expect(pending).toEqual([]);
  });

  it('an entry delivered more than --max-deliveries times goes to <stream>:dead with an infrastructure reply', async () => {
    const env = platform.envelope('echo', { text: 'poison' });
    const id = await ghostTakes(env, 9);
    const before = calls.count;
    const reply = decodeReply((await platform.waitRaw(env.reply_list, 10))!).value;
    expect(reply.error).toMatchObject({ category: 'infrastructure', retryable: false });
    expect(reply.error?.message).toContain('dead-letter');
    expect(calls.count).toBe(before);
    const dead = (await platform.redis.xrange(`${STREAM}:dead`, '-', '+')) as [string, string[]][];
    const moved = dead.find(([, f]) => f[f.indexOf('source_id') + 1] === id);
    expect(moved).toBeDefined();
    expect(moved![1][moved![1].indexOf('payload') + 1]).toContain(env.corr_id);
    // The consumer keeps serving.
    expect((await platform.call(platform.envelope('echo', { text: 'still here' }))).status).toBe('success');
  });

  it('/readyz is 200 while connected', async () => {
    expect((await fetch(`${handle.http.url}/readyz`)).status).toBe(200);
  });
});

/** Puts `env` in a never-answering consumer's pending list (delivered `retries + 1` times), as a crashed worker leaves it. */
async function ghostTakes(env: ReturnType<PlatformClient['envelope']>, retries?: number): Promise<string> {
  const payload = encodeRequest(env as Parameters<typeof encodeRequest>[0]);
  // XADD and the ghost's read in one transaction: the blocked host cannot take the entry first.
  const res = await platform.redis.multi().xadd(STREAM, '*', 'payload', payload).xreadgroup('GROUP', GROUP, 'ghost', 'COUNT', 1, 'STREAMS', STREAM, '>').exec();
  const id = res![0]![1] as string;
  if (retries !== undefined) await platform.redis.xclaim(STREAM, GROUP, 'ghost', 0, id, 'RETRYCOUNT', retries);
  return id;
}

async function expectNothingPending(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const summary = (await platform.redis.xpending(STREAM, GROUP)) as [number, ...unknown[]];
    if (summary[0] === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('entries still pending');
}
