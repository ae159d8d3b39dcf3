/**
 * Two `imperal serve` PROCESSES (the built CLI) on one stream against a real
 * redis-server: 2,000 calls answered exactly once; one worker SIGKILLed mid-run
 * with every call still answered once and no write repeated; the same corr_id
 * resent → its stored reply; SIGTERM drains and exits 0.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply, type RpcReply } from '../../src/rpc/envelope.js';
import { nowNs } from '../../src/rpc/replies.js';
import { OUTCOME_UNKNOWN } from '../../src/serve/redis/records.js';
import { LocalGateway } from '../../src/testing/gateway/index.js';
import { PlatformClient, type Envelope } from './helpers/redis-client.js';
import { RedisServer, requireRedis } from './helpers/redis-server.js';
import { startWorker, writesByN, type Worker } from './helpers/workers.js';

const run = requireRedis();
const ENTRY = fileURLToPath(new URL('./fixtures/redis-workers-ext.ts', import.meta.url));
const TOKEN = 'svc-worker-token-0123456789';

let redis: RedisServer;
let gateway: LocalGateway;
const workers: Worker[] = [];

/**
 * A worker process. `claimIdleMs` short only where a worker dies: on a loaded machine a
 * live worker's stalled event loop can outlast a short idle limit, and then its entry is
 * reclaimed (answered once, but "outcome unknown" instead of the result).
 */
async function worker(name: string, stream: string, claimIdleMs = 30_000): Promise<Worker> {
  const w = await startWorker(ENTRY, ['--redis', redis.url, '--stream', stream, '--consumer', name, '--http', '127.0.0.1:0', '--claim-idle-ms', String(claimIdleMs)], {
    IMPERAL_GATEWAY_URL: gateway.url,
    IMPERAL_SERVICE_TOKEN: TOKEN,
  });
  workers.push(w);
  return w;
}

/** Sends every envelope (pipelined XADDs) with one shared reply list. */
async function sendAll(platform: PlatformClient, envelopes: Envelope[]): Promise<void> {
  for (let i = 0; i < envelopes.length; i += 200) await Promise.all(envelopes.slice(i, i + 200).map((e) => platform.send(e)));
}

/** Collects `count` replies from `list` (≤ `seconds`), then checks no extra reply follows. */
async function collect(platform: PlatformClient, list: string, count: number, seconds: number, onReply?: (n: number) => void): Promise<RpcReply[]> {
  const out: RpcReply[] = [];
  const until = Date.now() + seconds * 1000;
  while (out.length < count && Date.now() < until) {
    const raw = await platform.waitRaw(list, 2);
    if (raw === null) continue;
    out.push(decodeReply(raw).value);
    onReply?.(out.length);
  }
  return out;
}

function envelopes(platform: PlatformClient, count: number, list: string, ms: number, base: number): Envelope[] {
  // A generous deadline: a loaded CI machine must not turn these into timeout replies.
  return Array.from({ length: count }, (_, i) => platform.envelope('write', { n: base + i, ms }, { reply_list: list, deadline_ns: nowNs() + 300_000_000_000n }));
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

describe.runIf(run)('imperal serve workers on one stream', () => {
  beforeAll(async () => {
    redis = await RedisServer.start();
    gateway = new LocalGateway({ serviceToken: TOKEN });
    await gateway.start();
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await gateway?.stop();
    await redis?.stop();
  });

  it('two processes: 2,000 calls, each answered exactly once with the dispatcher result', async () => {
    const stream = `imperal:rpc:extension_call:two-${randomBytes(4).toString('hex')}`;
    const [a, b] = await Promise.all([worker('w-a', stream), worker('w-b', stream)]);
    const platform = new PlatformClient(redis.url, stream, 'redis-workers');
    const list = `test:replies:${randomBytes(4).toString('hex')}`;
    const sent = envelopes(platform, 2000, list, 0, 0);
    await sendAll(platform, sent);
    const replies = await collect(platform, list, 2000, 120);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await platform.redis.llen(list)).toBe(0); // nothing answered twice, late
    expect(replies).toHaveLength(2000);
    const perCorr = countBy(replies, (r) => r.corr_id);
    expect(perCorr.size).toBe(2000);
    expect([...perCorr.values()].every((n) => n === 1)).toBe(true);
    for (const r of replies) expect(r).toMatchObject({ status: 'success', result: { status: 'success', data: { n: expect.any(Number) } } });
    expect(new Set(replies.map((r) => r.worker_id))).toEqual(new Set(['w-a', 'w-b']));
    const writes = writesByN(gateway);
    for (const e of sent) expect(writes.get((e.params as { n: number }).n)).toBe(1);
    // The start line names app, version and transports (JSON logs: stdout is not a TTY).
    const start = JSON.parse(a.lines.find((l) => l.includes('imperal serve:'))!) as Record<string, unknown>;
    expect(start).toMatchObject({ app_id: 'redis-workers', version: '1.4.2', transports: ['redis', 'http'] });
    expect([...a.lines, ...b.lines].join('\n')).not.toContain(TOKEN);
    await platform.close();
  }, 240_000);

  it('SIGKILL one of two workers mid-run: every call answered once, no write repeated; a resent corr_id gets its stored reply', async () => {
    const stream = `imperal:rpc:extension_call:kill-${randomBytes(4).toString('hex')}`;
    const [victim, survivor] = await Promise.all([worker('k-victim', stream, 1000), worker('k-survivor', stream, 1000)]);
    const platform = new PlatformClient(redis.url, stream, 'redis-workers');
    const list = `test:replies:${randomBytes(4).toString('hex')}`;
    const sent = envelopes(platform, 600, list, 150, 10_000);
    await sendAll(platform, sent);
    let killed = false;
    const replies = await collect(platform, list, 600, 120, (n) => {
      if (n >= 120 && !killed) {
        killed = true;
        victim.child.kill('SIGKILL');
      }
    });
    if (replies.length < 600) {
      console.log(`only ${replies.length} replies`, JSON.stringify(await platform.redis.xpending(stream, 'imperal-ext:redis-workers')), JSON.stringify(await platform.redis.xinfo('GROUPS', stream)));
      console.log(survivor.lines.slice(-15).join('\n'));
    }
    expect(killed).toBe(true);
    expect(await victim.exited).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 2500)); // longer than --claim-idle-ms: any second answer would show
    expect(await platform.redis.llen(list)).toBe(0);
    expect(replies).toHaveLength(600);
    const perCorr = countBy(replies, (r) => r.corr_id);
    expect(perCorr.size).toBe(600);

    const writes = writesByN(gateway);
    const byCorr = new Map(sent.map((e) => [e.corr_id, (e.params as { n: number }).n]));
    let unknown = 0;
    for (const r of replies) {
      const n = byCorr.get(r.corr_id)!;
      if (r.status === 'success') {
        expect(r.result).toMatchObject({ status: 'success', data: { n } });
        expect(writes.get(n)).toBe(1);
      } else {
        // Started by the killed worker: outcome unknown, never run again.
        expect(r.error).toEqual({ category: 'infrastructure', message: OUTCOME_UNKNOWN, retryable: false });
        expect(writes.get(n) ?? 0).toBeLessThanOrEqual(1);
        unknown++;
      }
    }
    expect(unknown).toBeGreaterThan(0);
    for (const count of writes.values()) expect(count).toBe(1);

    // The same corr_id sent again is answered from the stored reply; nothing runs.
    const done = sent.find((e) => replies.some((r) => r.corr_id === e.corr_id && r.status === 'success'))!;
    const first = replies.find((r) => r.corr_id === done.corr_id)!;
    const writesBefore = gateway.requests.length;
    const again = await platform.call({ ...done, reply_list: `test:again:${randomBytes(4).toString('hex')}` });
    expect(again).toEqual(first);
    expect(writesByN(gateway).get((done.params as { n: number }).n)).toBe(1);
    expect(gateway.requests.length).toBe(writesBefore);
    await platform.close();
  }, 240_000);

  it('SIGTERM drains: in-flight calls finish and are answered, then the process exits 0', async () => {
    const stream = `imperal:rpc:extension_call:drain-${randomBytes(4).toString('hex')}`;
    const w = await worker('d-1', stream);
    const platform = new PlatformClient(redis.url, stream, 'redis-workers');
    const list = `test:replies:${randomBytes(4).toString('hex')}`;
    const sent = envelopes(platform, 10, list, 800, 50_000);
    await sendAll(platform, sent);
    // Wait until the calls are running (their writes reached the gateway), then ask it to stop.
    for (let i = 0; i < 100 && (writesByN(gateway).size < 10 || sent.some((e) => !writesByN(gateway).has((e.params as { n: number }).n))); i++) await new Promise((r) => setTimeout(r, 50));
    w.child.kill('SIGTERM');
    const replies = await collect(platform, list, 10, 30);
    expect(await w.exited).toBe(0);
    expect(replies).toHaveLength(10);
    expect(replies.every((r) => r.status === 'success')).toBe(true);
    const pending = (await platform.redis.xpending(stream, 'imperal-ext:redis-workers')) as [number];
    expect(pending[0]).toBe(0);
    await platform.close();
  }, 120_000);
});
