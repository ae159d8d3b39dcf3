/**
 * With `--redis`, the call-token replay guard lives in Redis: a token accepted by one
 * host is refused by every other host sharing that Redis (real redis-server, two
 * `serve()` hosts, both transports on).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply } from '../../src/rpc/envelope.js';
import { nowNs } from '../../src/rpc/replies.js';
import { mintCallToken } from '../../src/security/call-token.js';
import { serve, type ServeHandle } from '../../src/serve/index.js';
import { LocalGateway } from '../../src/testing/gateway/index.js';
import { calls, ext } from './fixtures/wire-ext.js';
import { RedisServer, requireRedis } from './helpers/redis-server.js';

const run = requireRedis();
const SECRET = 'shared-call-token-secret';
let redis: RedisServer;
let gateway: LocalGateway;
const hosts: ServeHandle[] = [];

const body = (): string => {
  const now = nowNs();
  return `{"v":1,"corr_id":"replay-${Math.random().toString(16).slice(2, 14)}-x","user_id":"imp_u_r","tenant_id":"default","agency_id":null,"email":"","role":"user","scopes":[],"attributes":{},"app_id":"wire-kinds","function":"echo","params":{"text":"r"},"reply_list":"imperal:rpc:reply:r","deadline_ns":${now + 30_000_000_000n},"submitted_at_ns":${now}}`;
};

describe.runIf(run)('call-token replays across hosts sharing Redis', () => {
  beforeAll(async () => {
    redis = await RedisServer.start();
    gateway = new LocalGateway({ serviceToken: 'svc-r' });
    const gatewayUrl = await gateway.start();
    for (const consumer of ['host-a', 'host-b']) {
      hosts.push(
        await serve(
          ext,
          { redis: redis.url, gatewayUrl, serviceToken: 'svc-r', callTokenSecret: SECRET, http: '127.0.0.1:0', consumer, handleSignals: false, jsonLogs: true, drainTimeoutMs: 2_000, stream: 'imperal:rpc:extension_call:replay-test', group: 'replay-test' },
          { logDestination: { write: () => true } },
        ),
      );
    }
  });
  afterAll(async () => {
    for (const h of hosts) await h.shutdown();
    await gateway?.stop();
    await redis?.stop();
  });

  it('a token used on host A is refused (401) on host B, and B runs nothing', async () => {
    const [a, b] = hosts as [ServeHandle, ServeHandle];
    expect((await fetch(`${a.http.url}/readyz`)).status).toBe(200);
    const token = mintCallToken({ toolType: 'chat_fn', appId: 'wire-kinds', userId: 'imp_u_r', ttlSeconds: 60, secret: SECRET });
    const first = await fetch(`${a.http.url}/v1/rpc`, { method: 'POST', body: body(), headers: { 'content-type': 'application/json', authorization: `ImperalCallToken ${token}` } });
    expect(first.status).toBe(200);
    expect(decodeReply(await first.text()).value.result?.status).toBe('success');
    const before = calls.count;
    const again = await fetch(`${b.http.url}/v1/rpc`, { method: 'POST', body: body(), headers: { 'content-type': 'application/json', authorization: `ImperalCallToken ${token}` } });
    expect(again.status).toBe(401);
    expect(await again.text()).toMatch(/replayed/);
    expect(calls.count).toBe(before);
  });
});
