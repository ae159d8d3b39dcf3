/**
 * ctx clients: a store round trip through the real client (transport, retry
 * bookkeeping, error mapping, Document building) against a bare undici request
 * to the same loopback gateway over the same pool (target: ≥ 0.8× throughput),
 * and a MockStore query over 10,000 documents against a plain array scan.
 */
import { Pool, request } from 'undici';
import { createContext } from '../dist/index.js';
import { LocalGateway, MockContext } from '../dist/testing/index.js';
import { measure, retainedBytes, row } from './harness.mjs';

const perSecond = (ns) => 1e9 / ns;

/** Median ns/op of each function, measured in alternating batches. */
async function interleaved(fns, { batch, rounds, warmup }) {
  const samples = fns.map(() => []);
  for (let r = 0; r < warmup + rounds; r++) {
    for (const [k, fn] of fns.entries()) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) await fn();
      if (r >= warmup) samples[k].push(Number(process.hrtime.bigint() - start) / batch);
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
}

async function roundTrip() {
  const gw = new LocalGateway({ serviceToken: 'svc' });
  const url = await gw.start();
  const pool = new Pool(url, { connections: 1 });
  try {
    const ctx = createContext({ kind: 'tool', gatewayUrl: url, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'bench-ctx', dispatcher: pool });
    const doc = await ctx.store.create('notes', { title: 'Milk', n: 1 });
    const path = `/v1/internal/store/notes/${doc.id}?extension_id=bench-ctx&tenant_id=default`;
    const headers = { 'x-service-token': 'svc', 'x-extension-id': 'bench-ctx', 'x-tenant-id': 'default' };
    const bare = async () => {
      const res = await request(`${url}${path}`, { headers, dispatcher: pool });
      return res.body.json();
    };
    const ours = () => ctx.store.get('notes', doc.id);
    // Interleaved rounds, median of each: a loaded machine slows both sides alike.
    const [bareNs, oursNs] = await interleaved([bare, ours], { batch: 300, rounds: 15, warmup: 3 });
    return [
      row('bare undici request: GET document, JSON body', perSecond(bareNs), 'ops/s'),
      row('ctx.store.get() over the same pool', perSecond(oursNs), 'ops/s', perSecond(bareNs), '>= 0.8x'),
    ];
  } finally {
    await pool.close();
    await gw.stop();
  }
}

async function mockQuery() {
  const ctx = new MockContext();
  const scope = { tenantId: 'default', extensionId: 'test-ext', userId: 'test_user' };
  const plain = [];
  for (let i = 0; i < 10_000; i++) {
    const data = { i, even: i % 2 === 0, title: `task ${i}` };
    ctx.platform.store.create(scope, 'big', data);
    plain.push({ data });
  }
  const query = { where: { even: true }, orderBy: '-i', limit: 50 };
  const scan = await measure(
    () => plain.filter((d) => d.data.even === true).sort((a, b) => b.data.i - a.data.i).slice(0, 50).map((d) => structuredClone(d.data)),
    { batch: 5, rounds: 9 },
  );
  const ours = await measure(() => ctx.store.query('big', query), { batch: 5, rounds: 9 });
  // Memory: a mock platform holding 1,000 documents, against the same data in a plain array.
  const docs = (n) => Array.from({ length: n }, (_, i) => ({ i, even: i % 2 === 0, title: `task ${i}` }));
  const heapMock = retainedBytes(() => {
    const mock = new MockContext();
    for (const data of docs(1000)) mock.platform.store.create(scope, 'big', data);
    return mock;
  }, { count: 5 });
  const heapPlain = retainedBytes(() => docs(1000).map((data) => ({ data })), { count: 5 });
  return [
    row('plain array filter + sort + slice, 10,000 docs', scan / 1e6, 'ms/query'),
    row('MockStore.query(where, orderBy, limit 50), 10,000 docs', ours / 1e6, 'ms/query', scan / 1e6),
    ...(heapMock === undefined ? [] : [row('MockContext heap holding 1,000 documents', Math.round(heapMock / 1024), 'KiB', Math.round(heapPlain / 1024))]),
  ];
}

/** Rows `{ name, value, unit, baseline, ratio }` for `bench/run.mjs`. */
export async function run() {
  return [...(await roundTrip()), ...(await mockQuery())];
}
