/**
 * `imperal serve` as a real child process with the HTTP transport: the start line,
 * SIGTERM draining (the call in flight is answered, new calls refused, exit 0), a
 * second signal exiting at once, and the start-time warnings of the auth modes.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply } from '../../src/rpc/envelope.js';
import { mintCallToken } from '../../src/security/call-token.js';
import { LocalGateway } from '../../src/testing/gateway/index.js';
import { startWorker, type Worker } from './helpers/workers.js';

const ENTRY = fileURLToPath(new URL('./fixtures/wire-ext.ts', import.meta.url));
const SECRET = 'process-test-secret';
let gateway: LocalGateway;
let gatewayUrl = '';
const running = new Set<Worker>();

beforeAll(async () => {
  gateway = new LocalGateway({ serviceToken: 'svc-proc' });
  gatewayUrl = await gateway.start();
});
afterAll(async () => {
  for (const w of running) if (w.child.exitCode === null) w.child.kill('SIGKILL');
  await gateway.stop();
});

async function start(extra: string[] = []): Promise<{ worker: Worker; url: string }> {
  const worker = await startWorker(ENTRY, ['--http', '127.0.0.1:0', '--gateway-url', gatewayUrl, '--service-token', 'svc-proc', '--json-logs', '--drain-timeout-ms', '10000', ...extra]);
  running.add(worker);
  const line = worker.lines.find((l) => l.includes('imperal serve:'))!;
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)![0];
  return { worker, url };
}

const envelope = (fn: string, params: Record<string, unknown>): string => {
  const now = BigInt(Date.now()) * 1_000_000n;
  return JSON.stringify({
    v: 1,
    corr_id: `proc-${Math.random().toString(16).slice(2)}-${Date.now()}`,
    user_id: 'imp_u_proc',
    tenant_id: 'default',
    agency_id: null,
    email: 'p@example.com',
    role: 'user',
    scopes: [],
    attributes: {},
    app_id: 'wire-kinds',
    function: fn,
    params,
    reply_list: 'imperal:rpc:reply:proc',
    deadline_ns: '__DEADLINE__',
    submitted_at_ns: '__NOW__',
  })
    .replace('"__DEADLINE__"', String(now + 60_000_000_000n))
    .replace('"__NOW__"', String(now));
};
const token = (): string => mintCallToken({ toolType: 'chat_fn', appId: 'wire-kinds', userId: 'imp_u_proc', ttlSeconds: 60, secret: SECRET });
const rpc = (url: string, fn: string, params: Record<string, unknown>, auth = true): Promise<Response> =>
  fetch(`${url}/v1/rpc`, { method: 'POST', body: envelope(fn, params), headers: { 'content-type': 'application/json', ...(auth ? { authorization: `ImperalCallToken ${token()}` } : {}) } });

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('imperal serve over HTTP (child processes)', () => {
  it('prints one start line with the app id, version and address, and serves /v1/rpc', async () => {
    const { worker, url } = await start(['--call-token-secret', SECRET]);
    const line = JSON.parse(worker.lines.find((l) => l.includes('imperal serve:'))!) as Record<string, unknown>;
    expect(line).toMatchObject({ app_id: 'wire-kinds', version: '2.1.0', transports: ['http'] });
    const res = await rpc(url, 'echo', { text: 'proc' });
    expect(res.status).toBe(200);
    expect(decodeReply(await res.text()).value.result?.data).toMatchObject({ text: 'proc', user: 'imp_u_proc' });
    expect(worker.lines.join('\n')).not.toContain(SECRET);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  it('SIGTERM drains: the call in flight is answered, new calls get 503, /readyz 503, exit 0', async () => {
    const { worker, url } = await start(['--call-token-secret', SECRET]);
    const slow = rpc(url, 'sleep', { ms: 1500 });
    await until(async () => /imperal_calls_in_flight\{transport="http"[^}]*\} 1/.test(await (await fetch(`${url}/metrics`)).text()));
    worker.child.kill('SIGTERM');
    await until(async () => (await fetch(`${url}/readyz`)).status === 503);
    const refused = await rpc(url, 'echo', { text: 'late' });
    expect(refused.status).toBe(503);
    await refused.text();
    const res = await slow;
    expect(res.status).toBe(200);
    expect(decodeReply(await res.text()).value.result?.data).toEqual({ slept: 1500 });
    expect(await worker.exited).toBe(0);
    expect(worker.lines.some((l) => l.includes('"drained":true'))).toBe(true);
  });

  it('a second signal exits at once (130) without waiting for the call', async () => {
    const { worker, url } = await start(['--call-token-secret', SECRET]);
    const slow = rpc(url, 'sleep', { ms: 30_000 }).catch((error: unknown) => error);
    await until(async () => /imperal_calls_in_flight\{transport="http"[^}]*\} 1/.test(await (await fetch(`${url}/metrics`)).text()));
    const t0 = Date.now();
    worker.child.kill('SIGTERM');
    await until(async () => worker.lines.some((l) => l.includes('shutting down')));
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(130);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(await slow).toBeInstanceOf(Error); // the connection died with the process
  });

  it('without credentials it warns at start and refuses every call; --insecure warns and accepts', async () => {
    const closed = await start();
    expect(closed.worker.lines.join('\n')).toMatch(/refuses every call/);
    const res = await rpc(closed.url, 'echo', { text: 'x' }, false);
    expect(res.status).toBe(401);
    await res.text();
    closed.worker.child.kill('SIGTERM');
    expect(await closed.worker.exited).toBe(0);

    const open = await start(['--insecure']);
    expect(open.worker.lines.join('\n')).toMatch(/--insecure: \/v1\/rpc accepts calls WITHOUT authentication/);
    const ok = await rpc(open.url, 'echo', { text: 'dev' }, false);
    expect(ok.status).toBe(200);
    await ok.text();
    open.worker.child.kill('SIGTERM');
    expect(await open.worker.exited).toBe(0);
  });
});
