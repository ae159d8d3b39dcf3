/**
 * The HTTP transport's other routes: webhooks (raw bytes, signatures, declared
 * methods), /healthz, /readyz, /manifest, /metrics, and background tasks that run
 * after the reply and reach the user's chat.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply } from '../../src/rpc/envelope.js';
import { signWebhook } from '../../src/security/webhook.js';
import { manifestText } from '../../src/serve/manifest.js';
import { WEBHOOK_SECRET, calls, ext } from './fixtures/wire-ext.js';
import { startTestHost, type TestHost } from './helpers/http-host.js';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost(ext, { transport: { maxBody: 64 * 1024, manifest: () => manifestText(ext) } });
});
afterAll(async () => {
  await t.close();
});

const hook = (path: string): string => `${t.url}/v1/ext/wire-kinds/webhook${path}`;

describe('webhooks', () => {
  it('a signed webhook gets the raw body byte for byte and its WebhookResponse as the answer', async () => {
    const body = Buffer.concat([Buffer.from('{"a":1}\r\n'), randomBytes(64), Buffer.from([0xff, 0xfe, 0x00])]);
    const { headers } = signWebhook({ secret: WEBHOOK_SECRET, body, header: 'X-Signature' });
    const res = await fetch(hook('/signed'), { method: 'POST', body, headers: { ...headers, 'content-type': 'application/octet-stream' } });
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true, sha256: createHash('sha256').update(body).digest('hex') });
  });

  it('a bad signature is the handler’s own 401', async () => {
    const body = '{"a":1}';
    const { headers } = signWebhook({ secret: 'some-other-secret', body, header: 'X-Signature' });
    const res = await fetch(hook('/signed'), { method: 'POST', body, headers });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'bad signature' });
  });

  it('an unsigned webhook needs no call token; query, status, text body and headers pass through', async () => {
    const res = await fetch(`${hook('/open')}?q=42`, { method: 'POST', body: 'hello' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-hook')).toBe('open');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('got 5 bytes as __webhook__ q=42');
  });

  it('an undeclared method → 405, an unknown path → 404, another app → 404, handler not run', async () => {
    const before = calls.count;
    const get = await fetch(hook('/open'));
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual({ error: 'method GET not allowed; use POST' });
    const missing = await fetch(hook('/nope'), { method: 'POST', body: 'x' });
    expect(missing.status).toBe(404);
    await missing.text();
    const other = await fetch(`${t.url}/v1/ext/other-app/webhook/open`, { method: 'POST', body: 'x' });
    expect(other.status).toBe(404);
    await other.text();
    expect(calls.count).toBe(before);
  });

  it('an oversize webhook body → 413, handler not run', async () => {
    const before = calls.count;
    const res = await fetch(hook('/open'), { method: 'POST', body: Buffer.alloc(65 * 1024, 1) });
    expect(res.status).toBe(413);
    await res.text();
    expect(calls.count).toBe(before);
  });
});

describe('operational routes', () => {
  it('/healthz runs the health check: ok and degraded → 200, unhealthy → 503', async () => {
    try {
      for (const [level, status] of [['ok', 200], ['degraded', 200], ['unhealthy', 503]] as const) {
        calls.health = level;
        const res = await fetch(`${t.url}/healthz`);
        expect(res.status).toBe(status);
        expect(((await res.json()) as { status: string }).status).toBe(level);
      }
    } finally {
      calls.health = 'ok';
    }
  });

  it('/manifest serves imperal.json as imperal build writes it', async () => {
    const res = await fetch(`${t.url}/manifest`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(manifestText(ext));
    expect(JSON.parse(text)).toMatchObject({ app_id: 'wire-kinds', version: '2.1.0' });
  });

  it('/metrics has calls by function and outcome, durations and in-flight', async () => {
    const ok = await t.rpc(t.body('echo', { text: 'm' }), { authorization: `ImperalCallToken ${t.token()}` });
    await ok.text();
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/imperal_calls_total\{function="echo",transport="http",outcome="success",app_id="wire-kinds"\} [1-9]/);
    expect(text).toMatch(/imperal_call_duration_seconds_count\{[^}]*function="echo"[^}]*\} [1-9]/);
    expect(text).toMatch(/imperal_calls_in_flight\{transport="http",app_id="wire-kinds"\} 0/);
    expect(text).toContain('imperal_done_cache_replies_total');
  });

  it('unknown routes → 404; wrong method on /v1/rpc → 405', async () => {
    expect((await fetch(`${t.url}/nope`)).status).toBe(404);
    expect((await fetch(`${t.url}/v1/rpc`)).status).toBe(405);
  });
});

describe('background tasks', () => {
  it('run after the reply and deliver their ActionResult to the user’s chat', async () => {
    const before = t.gateway.platform.chat.length;
    const res = await t.rpc(t.body('later', { text: 'report' }), { authorization: `ImperalCallToken ${t.token()}` });
    const reply = decodeReply(await res.text()).value;
    expect(reply.result?.summary).toBe('started');
    expect(String((reply.result?.data as { task: string }).task)).toMatch(/^later-/);
    const until = Date.now() + 5_000;
    while (t.gateway.platform.chat.length === before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(t.gateway.platform.chat.slice(before)).toEqual([{ ext_id: 'wire-kinds', user_id: 'imp_u_alice', text: 'background done: report', msg_type: 'response' }]);
  });
});

describe('readiness and drain', () => {
  it('/readyz is 200 while accepting; after stopAccepting it is 503 and /v1/rpc answers 503', async () => {
    const own = await startTestHost(ext);
    try {
      expect((await fetch(`${own.url}/readyz`)).status).toBe(200);
      await own.transport.stopAccepting();
      const ready = await fetch(`${own.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false });
      const before = calls.count;
      const res = await own.rpc(own.body('echo', { text: 'x' }), { authorization: `ImperalCallToken ${own.token()}` });
      expect(res.status).toBe(503);
      await res.text();
      expect(calls.count).toBe(before);
      expect((await fetch(`${own.url}/healthz`)).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('a call in flight when draining starts still gets its reply', async () => {
    const own = await startTestHost(ext);
    try {
      const pending = own.rpc(own.body('sleep', { ms: 300 }), { authorization: `ImperalCallToken ${own.token()}` });
      const until = Date.now() + 5_000;
      while (own.host.inFlight === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      await own.transport.stopAccepting();
      const res = await pending;
      expect(res.status).toBe(200);
      expect(decodeReply(await res.text()).value.result?.data).toEqual({ slept: 300 });
    } finally {
      await own.close();
    }
  });
});

describe('calls in flight are bounded', () => {
  it('beyond maxInFlight /v1/rpc answers 503 with retry-after, handler not run; the slot frees after the reply', async () => {
    const own = await startTestHost(ext, { transport: { maxInFlight: 1 } });
    try {
      const slow = own.rpc(own.body('sleep', { ms: 400 }), { authorization: `ImperalCallToken ${own.token()}` });
      const until = Date.now() + 5_000;
      while (own.host.inFlight === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      const before = calls.count;
      const busy = await own.rpc(own.body('echo', { text: 'x' }), { authorization: `ImperalCallToken ${own.token()}` });
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      await busy.text();
      expect(calls.count).toBe(before);
      expect((await slow).status).toBe(200);
      const after = await own.rpc(own.body('echo', { text: 'y' }), { authorization: `ImperalCallToken ${own.token()}` });
      expect(after.status).toBe(200);
      await after.text();
    } finally {
      await own.close();
    }
  });
});

describe('time and size limits have defaults', () => {
  it('the default body limit is 1 MiB', async () => {
    const own = await startTestHost(ext);
    try {
      const before = calls.count;
      const over = await fetch(`${own.url}/v1/ext/wire-kinds/webhook/open`, { method: 'POST', body: Buffer.alloc(1024 * 1024 + 1, 1) });
      expect(over.status).toBe(413);
      await over.text();
      expect(calls.count).toBe(before);
      const at = await fetch(`${own.url}/v1/ext/wire-kinds/webhook/open`, { method: 'POST', body: Buffer.alloc(1024 * 1024, 1) });
      expect(at.status).toBe(201);
      expect(await at.text()).toContain(`got ${1024 * 1024} bytes`);
    } finally {
      await own.close();
    }
  });

  it('a webhook handler past its time limit → 504 and its ctx.signal aborts; a hanging health check → 503', async () => {
    const own = await startTestHost(ext, { transport: { webhookTimeoutMs: 100, healthTimeoutMs: 100 } });
    try {
      const t0 = Date.now();
      const res = await fetch(`${own.url}/v1/ext/wire-kinds/webhook/slow`, { method: 'POST', body: 'x' });
      expect(res.status).toBe(504);
      expect(await res.json()).toEqual({ error: 'the webhook handler did not answer within 100 ms' });
      expect(Date.now() - t0).toBeLessThan(4_000);
      calls.health = 'hang';
      const health = await fetch(`${own.url}/healthz`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { message: string }).message).toMatch(/did not answer within 100 ms/);
    } finally {
      calls.health = 'ok';
      await own.close();
    }
  });
});
