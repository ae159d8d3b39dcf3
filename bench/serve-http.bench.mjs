/**
 * `POST /v1/rpc` through a real `serve()` host (call-token auth with the replay
 * guard, envelope decode, host core, dispatch, reply encode) against the floor: a
 * bare node:http server that parses the JSON body and writes a JSON answer. Both
 * run in this process and are driven by the same keep-alive client, in interleaved
 * rounds. Target: the host's throughput ≥ 0.6× the echo's.
 */
import { createServer } from 'node:http';
import { Pool } from 'undici';
import { ActionResult, ChatExtension, Extension, mintCallToken, z } from '../dist/index.js';
import { LocalGateway } from '../dist/testing/index.js';
import { serve } from '../dist/serve/index.js';
import { row } from './harness.mjs';

const SECRET = 'bench-call-token-secret';
const CONCURRENCY = 8;
const PER_ROUND = 1500;
const ROUNDS = 15;

function echoServer() {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const out = JSON.stringify({ v: 1, corr_id: body.corr_id, status: 'success', result: { echo: body.params } });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

function envelope(i) {
  const now = BigInt(Date.now()) * 1_000_000n;
  return `{"v":1,"corr_id":"bench-corr-${String(i).padStart(10, '0')}","user_id":"imp_u_bench","tenant_id":"default","agency_id":null,"email":"b@example.com","role":"user","scopes":[],"attributes":{},"app_id":"bench-http","function":"echo","params":{"text":"hello"},"reply_list":"imperal:rpc:reply:bench","deadline_ns":${now + 60_000_000_000n},"submitted_at_ns":${now}}`;
}

/** Sends `count` calls with `CONCURRENCY` in flight; returns calls/s and the latencies (ms). */
async function drive(pool, count, makeHeaders, offset) {
  const latencies = [];
  let next = 0;
  const start = process.hrtime.bigint();
  const lane = async () => {
    while (next < count) {
      const i = offset + next++;
      const t0 = process.hrtime.bigint();
      const { statusCode, body } = await pool.request({ path: '/v1/rpc', method: 'POST', body: envelope(i), headers: { 'content-type': 'application/json', ...makeHeaders(i) } });
      const text = await body.text();
      if (statusCode !== 200 || !text.includes('"success"')) throw new Error(`bench call failed: ${statusCode} ${text.slice(0, 200)}`);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { rate: count / seconds, latencies };
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const median = (xs) => pct(xs, 50);

export async function run() {
  const ext = new Extension('bench-http', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'bench' });
  chat.fn('echo', { description: 'Echoes the text for the benchmark.', params: z.object({ text: z.string() }) })(async (_ctx, p) => ActionResult.success({ text: p.text }, { summary: 'ok' }));

  const gateway = new LocalGateway({ serviceToken: 'svc-bench' });
  const gatewayUrl = await gateway.start();
  const handle = await serve(
    ext,
    { http: '127.0.0.1:0', gatewayUrl, serviceToken: 'svc-bench', callTokenSecret: SECRET, handleSignals: false, jsonLogs: true, logLevel: 'error', concurrency: 64 },
    { logDestination: { write: () => true } },
  );
  const echo = await echoServer();
  const hostPool = new Pool(handle.http.url, { connections: CONCURRENCY });
  const echoPool = new Pool(echo.url, { connections: CONCURRENCY });
  // Tokens are minted ahead (a platform client mints each one); every call needs a fresh one (replay guard).
  const total = PER_ROUND * (ROUNDS + 1);
  const tokens = Array.from({ length: total }, () => mintCallToken({ toolType: 'chat_fn', appId: 'bench-http', userId: 'imp_u_bench', ttlSeconds: 300, secret: SECRET }));
  const hostHeaders = (i) => ({ authorization: `ImperalCallToken ${tokens[i]}` });
  const echoHeaders = (i) => ({ authorization: `ImperalCallToken ${tokens[i]}` });

  const host = [];
  const base = [];
  const hostLat = [];
  const baseLat = [];
  try {
    for (let round = 0; round <= ROUNDS; round++) {
      const order = round % 2 === 0 ? ['host', 'echo'] : ['echo', 'host'];
      for (const which of order) {
        const r = which === 'host' ? await drive(hostPool, PER_ROUND, hostHeaders, round * PER_ROUND) : await drive(echoPool, PER_ROUND, echoHeaders, round * PER_ROUND);
        if (round === 0) continue; // warm-up
        (which === 'host' ? host : base).push(r.rate);
        (which === 'host' ? hostLat : baseLat).push(...r.latencies);
      }
    }
  } finally {
    await hostPool.close();
    await echoPool.close();
    await new Promise((resolve) => echo.server.close(resolve));
    await handle.shutdown();
    await gateway.stop();
  }
  const hostRate = median(host);
  const echoRate = median(base);
  // Each round measures both back to back: the median of the per-round ratios is steadier
  // than a ratio of medians when the machine's speed drifts during the run.
  const ratio = median(host.map((h, i) => h / base[i]));
  return [
    row(`bare node:http JSON echo (${CONCURRENCY} in flight)`, echoRate, 'calls/s'),
    row('  echo latency p50 / p99', pct(baseLat, 50), `ms / ${pct(baseLat, 99).toFixed(2)} ms`),
    { ...row('/v1/rpc with call-token auth through serve()', hostRate, 'calls/s', echoRate, '>= 0.6x'), ratio },
    row('  /v1/rpc latency p50 / p99', pct(hostLat, 50), `ms / ${pct(hostLat, 99).toFixed(2)} ms`),
  ];
}
