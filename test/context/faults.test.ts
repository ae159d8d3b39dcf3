/**
 * Bad networks and bad answers: every fault ends in a retry or the right typed
 * error, in bounded time, and nothing is written twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { createContext, type CreateContextOptions } from '../../src/context/factory.js';
import type { Context } from '../../src/context/context.js';
import { Extension } from '../../src/core/extension.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  AuthError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  SecretVaultUnavailable,
  ValidationError,
} from '../../src/errors.js';
import { LocalGateway, type Fault, type RecordedRequest } from '../../src/testing/gateway/server.js';

const ext = new Extension('faulty');
ext.secret({ name: 'api_key', description: 'API key', writeMode: 'both' });

let gw: LocalGateway;
let pool: Pool;
const FAST = { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 1_000 };

function ctxOf(extra: Partial<CreateContextOptions<'tool'>> = {}): Context {
  return createContext({ kind: 'tool', gatewayUrl: gw.url, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: ext, dispatcher: pool, retry: FAST, ...extra });
}

/** Injects `faults` in order on requests matching `path`, then passes through. */
function faults(path: string, ...list: Fault[]): void {
  const queue = [...list];
  gw.injectFaults((r: RecordedRequest) => (r.path.startsWith(path) ? queue.shift() : undefined));
}

const hits = (path: string): number => gw.requests.filter((r) => r.path.startsWith(path)).length;

beforeAll(async () => {
  gw = new LocalGateway({ serviceToken: 'svc' });
  await gw.start();
  pool = new Pool(gw.url);
});
afterAll(async () => {
  await pool.close();
  await gw.stop();
});
beforeEach(() => {
  gw.injectFaults(undefined);
  gw.clearRequests();
});

describe('retries', () => {
  it('retries a GET after a 500 and succeeds', async () => {
    const ctx = ctxOf();
    const doc = await ctx.store.create('n', { a: 1 });
    faults('/v1/internal/store/n/', { status: 500, body: { detail: 'boom' } });
    expect((await ctx.store.get('n', doc.id))?.data).toEqual({ a: 1 });
    expect(hits('/v1/internal/store/n/')).toBe(2);
  });

  it('honours Retry-After on 503 and 429', async () => {
    const ctx = ctxOf();
    faults('/v1/internal/store/n/', { status: 503, headers: { 'retry-after': '0.02' } }, { status: 429, headers: { 'retry-after-ms': '10' } });
    expect(await ctx.store.get('n', 'x')).toBeNull();
    expect(hits('/v1/internal/store/n/')).toBe(3);
  });

  it('gives up with RateLimitError carrying Retry-After once retries are spent', async () => {
    const ctx = ctxOf();
    const limited = { status: 429, headers: { 'retry-after': '0' } };
    faults('/v1/internal/store/n/', limited, limited, limited);
    const err = await ctx.store.get('n', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfter).toBe(0);
    expect(hits('/v1/internal/store/n/')).toBe(3);
  });

  it('does not sit out a Retry-After longer than the cap', async () => {
    faults('/v1/internal/store/n/', { status: 429, headers: { 'retry-after': '120' } });
    const err = await ctxOf().store.get('n', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).retryAfter).toBe(120);
    expect(hits('/v1/internal/store/n/')).toBe(1);
  });

  it('retries read-only POSTs (query) after a connection reset', async () => {
    faults('/v1/internal/store/q/query', 'reset');
    expect((await ctxOf().store.query('q')).data).toEqual([]);
    expect(hits('/v1/internal/store/q/query')).toBe(2);
  });
});

describe('writes are never doubled', () => {
  it('does not retry a POST without an idempotency key', async () => {
    faults('/v1/internal/store', { status: 503 });
    const err = await ctxOf().store.create('w1', { a: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).statusCode).toBe(503);
    expect(hits('/v1/internal/store')).toBe(1);
  });

  it('a lost answer to a plain POST is a connection error and one write', async () => {
    faults('/v1/internal/store', 'process-then-reset');
    await expect(ctxOf().store.create('w2', { a: 1 })).rejects.toBeInstanceOf(APIConnectionError);
    expect(hits('/v1/internal/store')).toBe(1);
    expect(gw.platform.store.count({ tenantId: 'default', extensionId: 'faulty', userId: 'u1' }, 'w2')).toBe(1);
  });

  it('retries a POST carrying an idempotency key; the gateway de-duplicates it', async () => {
    faults('/v1/internal/store', 'process-then-reset');
    const doc = await ctxOf().store.create('w3', { a: 1 }, { idempotencyKey: 'create-w3-1' });
    expect(hits('/v1/internal/store')).toBe(2);
    expect(gw.requests.map((r) => r.headers['idempotency-key'])).toEqual(['create-w3-1', 'create-w3-1']);
    const scope = { tenantId: 'default', extensionId: 'faulty', userId: 'u1' };
    expect(gw.platform.store.count(scope, 'w3')).toBe(1);
    expect(gw.platform.store.get(scope, 'w3', doc.id)).not.toBeNull();
  });

  it('does not retry ai.complete', async () => {
    faults('/v1/internal/ai', { status: 502 });
    await expect(ctxOf().ai.complete('hi')).rejects.toBeInstanceOf(APIError);
    expect(hits('/v1/internal/ai')).toBe(1);
  });
});

describe('timeouts and cancellation', () => {
  it('times out a hung GET, retries, then raises APITimeoutError', { timeout: 5_000 }, async () => {
    faults('/v1/internal/store/n/', 'hang', 'hang', 'hang');
    const err = await ctxOf().store.get('n', 'x', { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APITimeoutError);
    expect((err as APITimeoutError).timeoutMs).toBe(50);
    expect(hits('/v1/internal/store/n/')).toBe(3);
  });

  it('times out a hung POST once, without retrying', { timeout: 5_000 }, async () => {
    faults('/v1/internal/store', 'hang');
    await expect(ctxOf().store.create('h', { a: 1 }, { timeoutMs: 50 })).rejects.toBeInstanceOf(APITimeoutError);
    expect(hits('/v1/internal/store')).toBe(1);
  });

  it('stops at once when the caller aborts', { timeout: 5_000 }, async () => {
    faults('/v1/internal/store/n/', 'hang', 'hang', 'hang');
    const ac = new AbortController();
    const pending = ctxOf({ signal: ac.signal }).store.get('n', 'x', { timeoutMs: 10_000 });
    // Abort once the gateway holds the request (a fixed delay races the request on a loaded machine).
    await expect.poll(() => hits('/v1/internal/store/n/'), { timeout: 4_000, interval: 5 }).toBe(1);
    ac.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
    expect(hits('/v1/internal/store/n/')).toBe(1);
  });
});

describe('status and body mapping', () => {
  it('maps 401, 404 (with resource), 422 (with field) and malformed JSON', async () => {
    const ctx = ctxOf();
    faults('/v1/internal/store/n/', { status: 401, body: { detail: 'bad token' } });
    await expect(ctx.store.get('n', 'x')).rejects.toBeInstanceOf(AuthError);
    gw.injectFaults(undefined);
    const nf = await ctx.store.update('n', 'missing', { a: 1 }).catch((e: unknown) => e);
    expect(nf).toBeInstanceOf(NotFoundError);
    expect((nf as NotFoundError).id).toBe('n/missing');
    faults('/v1/internal/store', { status: 422, body: { detail: [{ loc: ['body', 'data', 'title'], msg: 'field required' }] } });
    const ve = await ctx.store.create('n', { a: 1 }).catch((e: unknown) => e);
    expect(ve).toBeInstanceOf(ValidationError);
    expect((ve as ValidationError).field).toBe('data.title');
    faults('/v1/internal/store', { status: 200, raw: new TextEncoder().encode('{"id": "x", oops') });
    await expect(ctx.store.create('n', { a: 1 })).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('turns a vault outage into SecretVaultUnavailable', async () => {
    faults('/v1/secrets', { status: 503 }, { status: 503 }, { status: 503 });
    await expect(ctxOf().secrets.get('api_key')).rejects.toBeInstanceOf(SecretVaultUnavailable);
    expect(hits('/v1/secrets')).toBe(3);
  });

  it('a connection refused is an APIConnectionError', async () => {
    const dead = new LocalGateway();
    const url = await dead.start();
    await dead.stop();
    const ctx = createContext({ kind: 'tool', gatewayUrl: url, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'faulty', retry: { ...FAST, maxRetries: 1 } });
    await expect(ctx.store.get('n', 'x')).rejects.toBeInstanceOf(APIConnectionError);
  });
});

describe('secrets never leak', () => {
  it('keeps tokens out of errors, JSON and inspect output', async () => {
    const { inspect } = await import('node:util');
    const ctx = createContext({ kind: 'tool', gatewayUrl: gw.url, serviceToken: 'svc-SECRET-1', callToken: 'call-SECRET-2', sessionToken: 'sess-SECRET-3', identity: { imperalId: 'u1' }, extension: ext, dispatcher: pool, retry: FAST });
    faults('/v1/internal/store', { status: 500, body: { detail: 'nope' } });
    const err = await ctx.store.create('n', { a: 1 }).catch((e: unknown) => e);
    const clients = ['store', 'ai', 'billing', 'skeleton', 'cache', 'notify', 'storage', 'http', 'config', 'extensions', 'time', 'secrets'] as const;
    const texts = [
      String(err),
      (err as Error).stack ?? '',
      JSON.stringify(ctx),
      String(ctx),
      inspect(ctx, { depth: 10, showHidden: true }),
      ...clients.flatMap((c) => [inspect(ctx[c], { depth: 10, showHidden: true }), JSON.stringify(ctx[c]) ?? '']),
    ];
    for (const t of texts) expect(t).not.toMatch(/SECRET/);
  });
});

describe('more faults', () => {
  it('a body that stalls past the timeout is an APITimeoutError after the retries', { timeout: 10_000 }, async () => {
    const ctx = ctxOf();
    const doc = await ctx.store.create('sb', { pad: 'x'.repeat(64) });
    faults('/v1/internal/store/sb/', 'stall-body', 'stall-body');
    const started = Date.now();
    const err = await ctx.store.get('sb', doc.id, { timeoutMs: 50, maxRetries: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APITimeoutError);
    expect(hits('/v1/internal/store/sb/')).toBe(2);
    // undici's coarse timers may add up to ~1 s per attempt; never unbounded.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('malformed JSON from a GET is an InvalidResponseError, not retried', async () => {
    faults('/v1/internal/store/mj/', { status: 200, raw: new TextEncoder().encode('{"id": ') });
    await expect(ctxOf().store.get('mj', 'x')).rejects.toBeInstanceOf(InvalidResponseError);
    expect(hits('/v1/internal/store/mj/')).toBe(1);
  });

  it('429 on a POST without a key: RateLimitError at once, one request', async () => {
    faults('/v1/internal/ai', { status: 429, headers: { 'retry-after': '0' } });
    const err = await ctxOf().ai.complete('hi').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(hits('/v1/internal/ai')).toBe(1);
  });

  it('429 + Retry-After on a POST with a key: waits, retries, writes once', async () => {
    faults('/v1/internal/store', { status: 429, headers: { 'retry-after-ms': '20' } });
    const started = Date.now();
    await ctxOf().store.create('rl', { a: 1 }, { idempotencyKey: 'rl-1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(hits('/v1/internal/store')).toBe(2);
    expect(gw.platform.store.count({ tenantId: 'default', extensionId: 'faulty', userId: 'u1' }, 'rl')).toBe(1);
  });

  it('a PUT whose answer is lost is retried and stores one value', async () => {
    const ctx = ctxOf();
    faults('/v1/secrets', 'process-then-reset');
    await ctx.secrets.set('api_key', 'v1-x');
    expect(gw.requests.filter((r) => r.method === 'PUT').length).toBe(2);
    expect(await ctx.secrets.get('api_key')).toBe('v1-x');
  });

  it('refuses a zero or negative timeout before sending anything', async () => {
    for (const timeoutMs of [0, -1, Number.NaN]) {
      await expect(ctxOf().store.get('n', 'x', { timeoutMs })).rejects.toMatchObject({ field: 'timeoutMs' });
    }
    expect(gw.requests).toHaveLength(0);
  });
});

describe('secret values never leak', () => {
  it('a vault 422 echoing the input does not put the value into the error', async () => {
    const value = 'VALUE-must-not-leak';
    faults('/v1/secrets', { status: 422, body: { detail: [{ type: 'string_too_long', loc: ['body', 'value'], msg: 'too long', input: value }] } });
    const err = await ctxOf().secrets.set('api_key', value).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const { inspect } = await import('node:util');
    for (const t of [String(err), (err as Error).stack ?? '', JSON.stringify(err), inspect(err, { depth: 10 })]) expect(t).not.toContain(value);
  });

  it('size and write-mode refusals name the secret, never the value', async () => {
    const big = 'B'.repeat(5000) + 'TAIL-SECRET';
    const err = await ctxOf().secrets.set('api_key', big).catch((e: unknown) => e);
    expect(String(err)).toMatch(/api_key/);
    expect(String(err)).not.toContain('TAIL-SECRET');
    expect(gw.requests).toHaveLength(0);
  });
});
