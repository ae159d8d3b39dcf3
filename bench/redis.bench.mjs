/**
 * The Redis path of the extension host, one worker: calls/s and p50/p99 latency of
 * `serve()` against a bare echo loop written with the same client (ioredis):
 * `XADD → XREADGROUP → LPUSH → BRPOP`, both driven by the same 64 concurrent callers.
 * Target: the host reaches ≥ 0.6× the echo loop's throughput. Also the heap of an
 * idle host and under 64 calls in flight. Needs `redis-server` (Debian package).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { ActionResult, ChatExtension, Extension, encodeRequest, nowNs, z } from '../dist/index.js';
import { serve } from '../dist/serve/index.js';
import { LocalGateway } from '../dist/testing/index.js';
import { row } from './harness.mjs';

const CALLERS = 64;
const CALLS = 2000;
const ROUNDS = 3;

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startRedis() {
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => 50 }).on('error', () => undefined);
  for (let i = 0; i < 100; i++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  probe.disconnect();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGKILL') };
}

/** Drives `CALLS` calls through `stream` with `CALLERS` concurrent callers; returns calls/s and latency percentiles. */
async function drive(url, stream, makePayload) {
  const producer = new Redis(url);
  const waiters = Array.from({ length: CALLERS }, () => new Redis(url));
  const latencies = [];
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    waiters.map(async (conn) => {
      while (next < CALLS) {
        next++;
        const list = `bench:reply:${randomBytes(8).toString('hex')}`;
        const t0 = process.hrtime.bigint();
        await producer.xadd(stream, '*', 'payload', makePayload(list));
        const res = await conn.brpop(list, 30);
        if (!res) throw new Error('no reply within 30 s');
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (const c of [producer, ...waiters]) c.disconnect();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))];
  return { perSecond: CALLS / seconds, p50: pct(0.5), p99: pct(0.99) };
}

/** The bare echo loop: read a batch, push each payload back to its list, acknowledge. */
function echoLoop(url, stream) {
  const reader = new Redis(url);
  const writer = new Redis(url, { enableAutoPipelining: true });
  let running = true;
  const done = (async () => {
    await writer.xgroup('CREATE', stream, 'echo', '0', 'MKSTREAM').catch(() => undefined);
    while (running) {
      const res = await reader.xreadgroup('GROUP', 'echo', 'e1', 'COUNT', 64, 'BLOCK', 100, 'STREAMS', stream, '>');
      for (const [, entries] of res ?? []) {
        for (const [id, fields] of entries) {
          const payload = fields[1];
          const list = JSON.parse(payload).reply_list;
          void writer.multi().lpush(list, payload).pexpire(list, 60000).xack(stream, 'echo', id).exec();
        }
      }
    }
  })();
  return async () => {
    running = false;
    await done;
    reader.disconnect();
    writer.disconnect();
  };
}

function envelopeFor(appId) {
  return (list) =>
    encodeRequest({
      corr_id: randomBytes(12).toString('hex'),
      user_id: 'imp_u_bench',
      tenant_id: 'default',
      email: 'b@example.com',
      role: 'user',
      app_id: appId,
      function: 'echo',
      params: { text: 'hi' },
      reply_list: list,
      deadline_ns: nowNs() + 60_000_000_000n,
      submitted_at_ns: nowNs(),
    });
}

function heapMb() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

export async function run() {
  const redis = await startRedis();
  const gateway = new LocalGateway({ serviceToken: 'bench-token-123' });
  const gatewayUrl = await gateway.start();
  const ext = new Extension('bench-redis', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'bench', description: 'Benchmark assistant' });
  let hold;
  let holding = 0;
  chat.fn('echo', { description: 'Echo the text back for the benchmark.', params: z.object({ text: z.string() }) })(async (_ctx, p) => ActionResult.success({ text: p.text }, { summary: 'ok' }));
  chat.fn('hold', { description: 'Wait until the benchmark releases the call.', params: z.object({}) })(async () => {
    holding++;
    await hold;
    return ActionResult.success({}, { summary: 'released' });
  });
  const silent = { write: () => true };
  const hostStream = 'imperal:rpc:extension_call:bench-redis';
  const before = heapMb();
  const handle = await serve(ext, { redis: redis.url, gatewayUrl, serviceToken: 'bench-token-123', http: '127.0.0.1:0', handleSignals: false, logLevel: 'warn' }, { logDestination: silent });
  const idle = heapMb() - before;
  try {
    const results = { echo: [], host: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const stopEcho = echoLoop(redis.url, `bench:echo:${round}`);
      results.echo.push(await drive(redis.url, `bench:echo:${round}`, envelopeFor('bench-redis')));
      await stopEcho();
      results.host.push(await drive(redis.url, hostStream, envelopeFor('bench-redis')));
    }
    const best = (xs) => xs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const echo = best(results.echo);
    const host = best(results.host);

    // 64 calls held in flight.
    let release;
    hold = new Promise((r) => (release = r));
    const producer = new Redis(redis.url);
    const make = envelopeFor('bench-redis');
    for (let i = 0; i < 64; i++) await producer.xadd(hostStream, '*', 'payload', make(`bench:hold:${i}`).replace('"function":"echo"', '"function":"hold"'));
    for (let i = 0; i < 200 && holding < 64; i++) await new Promise((r) => setTimeout(r, 25));
    const busy = heapMb() - before;
    release();
    producer.disconnect();

    return [
      row('redis echo loop (XADD→XREADGROUP→LPUSH→BRPOP), 64 callers', echo.perSecond, 'calls/s'),
      row('redis echo loop p50 / p99 latency', echo.p50, `ms (p99 ${echo.p99.toFixed(1)} ms)`),
      row('serve() over Redis, one worker, 64 callers', host.perSecond, 'calls/s', echo.perSecond, '>= 0.6x'),
      row('serve() over Redis p50 / p99 latency', host.p50, `ms (p99 ${host.p99.toFixed(1)} ms)`, echo.p50),
      row('idle host heap (serve() started, Redis + HTTP)', idle, 'MiB'),
      row(`host heap with ${holding} calls in flight`, busy, 'MiB', idle),
    ];
  } finally {
    await handle.shutdown();
    await gateway.stop();
    redis.stop();
  }
}
