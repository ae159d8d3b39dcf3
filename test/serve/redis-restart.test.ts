/**
 * Redis restarted under a running host (a real redis-server, killed and started
 * again on the same port, losing its data): the host reconnects with backoff,
 * `/readyz` answers 503 while Redis is away and 200 once it is back, the call that
 * was running during the outage is still answered, and new calls are served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServeHandle } from '../../src/serve/index.js';
import { LocalGateway } from '../../src/testing/gateway/index.js';
import { ext } from './fixtures/wire-ext.js';
import { PlatformClient } from './helpers/redis-client.js';
import { RedisServer, requireRedis } from './helpers/redis-server.js';

const run = requireRedis();
const STREAM = 'imperal:rpc:extension_call:wire-kinds';

let redis: RedisServer;
let gateway: LocalGateway;
let handle: ServeHandle;
let platform: PlatformClient;

describe.runIf(run)('Redis restarted under a running host', () => {
  beforeAll(async () => {
    redis = await RedisServer.start();
    gateway = new LocalGateway({ serviceToken: 'svc-restart-token', extensions: [ext] });
    const gatewayUrl = await gateway.start();
    handle = await serve(
      ext,
      { redis: redis.url, gatewayUrl, serviceToken: 'svc-restart-token', http: '127.0.0.1:0', claimIdleMs: 1000, handleSignals: false, logLevel: 'silent', consumer: 'restart-1' },
    );
    platform = new PlatformClient(redis.url, STREAM, ext.appId);
  });
  afterAll(async () => {
    await handle?.shutdown();
    await platform?.close();
    await gateway?.stop();
    await redis?.stop();
  });

  it('reconnects: /readyz 503 then 200, the running call and new calls are answered', async () => {
    const readyz = async (): Promise<number> => (await fetch(`${handle.http.url}/readyz`)).status;
    for (let i = 0; i < 5; i++) expect((await platform.call(platform.envelope('echo', { text: `before ${i}` }))).status).toBe('success');
    expect(await readyz()).toBe(200);

    // A call still running while Redis goes away and comes back.
    const slow = platform.envelope('sleep', { ms: 1500 });
    await platform.send(slow);
    const slowReply = platform.waitRaw(slow.reply_list, 30);
    await new Promise((r) => setTimeout(r, 200));

    await redis.stop();
    const seen: number[] = [];
    for (let i = 0; i < 40 && !seen.includes(503); i++) {
      seen.push(await readyz());
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toContain(503);
    await redis.restart();
    let status = 0;
    for (let i = 0; i < 300 && status !== 200; i++) {
      status = await readyz();
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);

    // The reply computed across the outage is still delivered (the host pushes it once Redis is back).
    const raw = await slowReply;
    expect(raw).not.toBeNull();
    expect(JSON.parse(raw!)).toMatchObject({ corr_id: slow.corr_id, status: 'success', result: { data: { slept: 1500 } } });

    // New calls after the restart: every one answered.
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => platform.call(platform.envelope('echo', { text: `after ${i}` }), 20)));
    expect(after.map((r) => r.status)).toEqual(Array(20).fill('success'));
  }, 90_000);
});
