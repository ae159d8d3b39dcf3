/**
 * Issue 10 item 1: `ctx.http` and the gateway transport are bounded against a
 * hostile upstream — body size, whole-exchange timeouts, redirects that would
 * leak headers or bodies, the SSRF guard, and exact big integers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext } from '../../src/context/factory.js';
import { UndiciHttpClient } from '../../src/context/clients/http.js';
import { closeSharedDispatchers } from '../../src/http/pool.js';
import { isPrivateAddress } from '../../src/http/ssrf.js';
import { APIConnectionError, APITimeoutError, PrivateNetworkError, ResponseTooLargeError, ValidationError } from '../../src/errors.js';

const MiB = 1024 * 1024;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback server that records requests; `route` answers them. */
async function startServer(route: (url: URL, res: ServerResponse, seen: Seen) => void): Promise<{ server: Server; base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(s);
      route(new URL(req.url ?? '/', 'http://x'), res, s);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** Streams up to `total` bytes in 1 MiB chunks, honouring backpressure; records how many were accepted. */
function stream(res: ServerResponse, total: number, sent: { bytes: number; closed: boolean }, declareLength: boolean): void {
  res.writeHead(200, { 'content-type': 'application/octet-stream', ...(declareLength ? { 'content-length': String(total) } : {}) });
  const chunk = Buffer.alloc(MiB, 120);
  res.on('close', () => (sent.closed = true));
  const pump = (): void => {
    while (sent.bytes < total && !res.destroyed) {
      sent.bytes += chunk.byteLength;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

let a: Awaited<ReturnType<typeof startServer>>;
let b: Awaited<ReturnType<typeof startServer>>;
const huge = { bytes: 0, closed: false };
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  b = await startServer((url, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ at: 'b', path: url.pathname }));
  });
  a = await startServer((url, res) => {
    const to = url.searchParams.get('to') ?? '';
    // A hostile "gateway" mounted below a prefix: /<mode>-gw/v1/...
    const gw = /^\/(huge|trickle|bigint)-gw\//.exec(url.pathname)?.[1];
    switch (gw ? `/${gw}` : url.pathname) {
      case '/huge':
        return stream(res, 64 * MiB, huge, url.searchParams.has('declared'));
      case '/small':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(2000));
      case '/trickle': {
        // One byte every 500 ms, for at most 8 s: idle timers never fire on it.
        res.writeHead(200, { 'content-type': 'text/plain' });
        let n = 0;
        const t = setInterval(() => {
          if (res.destroyed || ++n > 16) {
            clearInterval(t);
            timers.delete(t);
            if (!res.destroyed) res.end();
            return;
          }
          res.write('.');
        }, 500);
        timers.add(t);
        return;
      }
      case '/redirect':
        return void res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to }).end();
      case '/json':
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ at: 'a' }));
      case '/bigint':
        if (gw) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "d1", "data": {"big": 9007199254740993, "n": 2}}');
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"id": 9007199254740993, "safe": 9007199254740991, "neg": -12345678901234567890, "f": 1.5, "list": [18446744073709551615]}');
      default:
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ at: 'a', path: url.pathname }));
    }
  });
});

afterAll(async () => {
  for (const t of timers) clearInterval(t);
  for (const s of [a, b]) {
    s.server.closeAllConnections();
    await new Promise<void>((r) => s.server.close(() => r()));
  }
  await closeSharedDispatchers();
});

const loopback = (): UndiciHttpClient => new UndiciHttpClient({ allowPrivateNetwork: ['127.0.0.1'] });
const ctxOf = (extra: Partial<Parameters<typeof createContext>[0]> = {}) =>
  createContext({ kind: 'tool', gatewayUrl: a.base, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'hard-test', ...extra });

describe('response size cap', () => {
  it('drops the connection of a 64 MiB body past the 10 MiB default, with a typed error naming the limit', { timeout: 20_000 }, async () => {
    huge.bytes = 0;
    huge.closed = false;
    const err = await loopback().get(`${a.base}/huge`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseTooLargeError);
    expect(err).toMatchObject({ maxResponseBytes: 10 * MiB, code: 'response_too_large' });
    expect(String((err as Error).message)).toMatch(/maxResponseBytes \(10485760 bytes\)/);
    // The server was cut off long before it could push the whole body.
    await expect.poll(() => huge.closed, { timeout: 5_000 }).toBe(true);
    expect(huge.bytes).toBeLessThan(40 * MiB);
  });

  it('refuses a declared Content-Length above the cap before reading the body', { timeout: 20_000 }, async () => {
    huge.bytes = 0;
    huge.closed = false;
    await expect(loopback().get(`${a.base}/huge?declared`, { maxResponseBytes: MiB })).rejects.toMatchObject({ maxResponseBytes: MiB });
    await expect.poll(() => huge.closed, { timeout: 5_000 }).toBe(true);
    expect(huge.bytes).toBeLessThan(40 * MiB);
  });

  it('applies per call and per context, and checks the option', async () => {
    await expect(loopback().get(`${a.base}/small`, { maxResponseBytes: 1000 })).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect((await loopback().get(`${a.base}/small`, { maxResponseBytes: 2000 })).text()).toHaveLength(2000);
    const ctx = ctxOf({ maxResponseBytes: 1000, allowPrivateNetwork: ['127.0.0.1'] });
    await expect(ctx.http.get(`${a.base}/small`)).rejects.toMatchObject({ maxResponseBytes: 1000 });
    expect((await ctx.http.get(`${a.base}/small`, { maxResponseBytes: 4000 })).statusCode).toBe(200);
    await expect(loopback().get(`${a.base}/small`, { maxResponseBytes: 0 })).rejects.toMatchObject({ field: 'maxResponseBytes' });
    expect(() => ctxOf({ maxResponseBytes: -1 })).toThrow(ValidationError);
  });

  it('bounds gateway replies too (default, per context and per call)', { timeout: 30_000 }, async () => {
    const hostile = (extra: Partial<Parameters<typeof createContext>[0]> = {}) => ctxOf({ gatewayUrl: `${a.base}/huge-gw`, retry: { maxRetries: 0 }, ...extra });
    await expect(hostile().storage.download('f.txt')).rejects.toMatchObject({ maxResponseBytes: 10 * MiB });
    await expect(hostile({ maxResponseBytes: MiB }).store.get('notes', 'n1')).rejects.toMatchObject({ maxResponseBytes: MiB });
    await expect(hostile().store.get('notes', 'n1', { maxResponseBytes: 1000 })).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe('whole-exchange timeouts', () => {
  it('a body trickling a byte every 0.5 s cannot stretch a 1 s ctx.http timeout', { timeout: 15_000 }, async () => {
    const started = Date.now();
    const err = await loopback().get(`${a.base}/trickle`, { timeout: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APITimeoutError);
    // Idle timers would have let it run the full 8 s.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('bounds each gateway attempt the same way', { timeout: 15_000 }, async () => {
    const ctx = ctxOf({ gatewayUrl: `${a.base}/trickle-gw`, retry: { maxRetries: 0 } });
    const started = Date.now();
    await expect(ctx.storage.download('f.txt', { timeoutMs: 1_000 })).rejects.toBeInstanceOf(APITimeoutError);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('refuses gateway timeouts above the 180 s ceiling', async () => {
    await expect(ctxOf().store.get('notes', 'n1', { timeoutMs: 180_001 })).rejects.toMatchObject({ field: 'timeoutMs' });
    await expect(loopback().get(`${a.base}/json`, { timeout: 181 })).rejects.toMatchObject({ field: 'timeout' });
  });
});

describe('redirects', () => {
  it('drops every caller header on a cross-origin hop and keeps them on the same origin', async () => {
    b.seen.length = 0;
    a.seen.length = 0;
    const headers = { 'x-api-key': 'k-123', authorization: 'Bearer t', cookie: 'c=1', 'x-custom': 'v' };
    const cross = await loopback().get(`${a.base}/redirect?to=${encodeURIComponent(`${b.base}/landing`)}`, { headers });
    expect(cross.body).toEqual({ at: 'b', path: '/landing' });
    const landed = b.seen.at(-1)!;
    for (const name of Object.keys(headers)) expect(landed.headers[name]).toBeUndefined();
    const same = await loopback().get(`${a.base}/redirect?to=/other`, { headers });
    expect(same.body).toEqual({ at: 'a', path: '/other' });
    expect(a.seen.at(-1)!.headers['x-api-key']).toBe('k-123');
  });

  it('re-sends a 307/308 body only to the same origin; 303 becomes a GET without body', async () => {
    a.seen.length = 0;
    b.seen.length = 0;
    const same = await loopback().post(`${a.base}/redirect?status=307&to=/echo`, { json: { secret: 1 } });
    expect(same.statusCode).toBe(200);
    expect(a.seen.at(-1)).toMatchObject({ method: 'POST', url: '/echo', body: '{"secret":1}' });
    const cross = await loopback().post(`${a.base}/redirect?status=308&to=${encodeURIComponent(`${b.base}/steal`)}`, { json: { secret: 1 } });
    // Not followed: the caller gets the 308 and decides.
    expect(cross.statusCode).toBe(308);
    expect(b.seen).toHaveLength(0);
    const seeOther = await loopback().post(`${a.base}/redirect?status=303&to=${encodeURIComponent(`${b.base}/done`)}`, { json: { secret: 1 } });
    expect(seeOther.statusCode).toBe(200);
    expect(b.seen.at(-1)).toMatchObject({ method: 'GET', body: '' });
    expect(b.seen.at(-1)!.headers['content-type']).toBeUndefined();
  });

  it('follows at most 5 hops', async () => {
    const chain = (n: number): string => {
      let url = `${a.base}/json`;
      for (let i = 0; i < n; i++) url = `${a.base}/redirect?to=${encodeURIComponent(url)}`;
      return url;
    };
    expect((await loopback().get(chain(5))).body).toEqual({ at: 'a' });
    await expect(loopback().get(chain(6))).rejects.toThrow(/exceeded 5 redirects/);
    await expect(loopback().get(`${a.base}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`)).rejects.toBeInstanceOf(APIConnectionError);
  });
});

describe('SSRF guard', () => {
  it('refuses loopback by default, by IP literal and after DNS resolution, before any request', async () => {
    a.seen.length = 0;
    const ctx = ctxOf();
    const port = new URL(a.base).port;
    await expect(ctx.http.get(`${a.base}/json`)).rejects.toBeInstanceOf(PrivateNetworkError);
    const byName = await ctx.http.get(`http://localhost:${port}/json`).catch((e: unknown) => e);
    expect(byName).toBeInstanceOf(PrivateNetworkError);
    expect(byName).toMatchObject({ host: 'localhost', code: 'private_network_refused' });
    expect(String((byName as Error).message)).toMatch(/allowPrivateNetwork/);
    for (const url of [`http://[::ffff:127.0.0.1]:${port}/`, `http://0x7f.1:${port}/`, `http://2130706433:${port}/`, `http://[::1]:${port}/`]) {
      await expect(ctx.http.get(url)).rejects.toBeInstanceOf(PrivateNetworkError);
    }
    expect(a.seen).toHaveLength(0);
  });

  it('refuses metadata, private, link-local and CGNAT addresses without touching the network', async () => {
    const http = new UndiciHttpClient();
    for (const host of ['169.254.169.254', '10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '100.100.100.200', '0.0.0.0', '[fd00:ec2::254]', '[fe80::1]']) {
      await expect(http.get(`http://${host}/latest/meta-data/`, { timeout: 2 })).rejects.toBeInstanceOf(PrivateNetworkError);
    }
  });

  it('checks every redirect hop: an allowed host cannot bounce the call to a blocked one', async () => {
    b.seen.length = 0;
    const port = new URL(a.base).port;
    const http = new UndiciHttpClient({ allowPrivateNetwork: ['localhost'] });
    const ok = await http.get(`http://localhost:${port}/json`);
    expect(ok.body).toEqual({ at: 'a' });
    await expect(http.get(`http://localhost:${port}/redirect?to=${encodeURIComponent(`${b.base}/x`)}`)).rejects.toBeInstanceOf(PrivateNetworkError);
    expect(b.seen).toHaveLength(0);
  });

  it('opens deliberately: per context, per request, by host, address or CIDR', async () => {
    expect((await ctxOf({ allowPrivateNetwork: true }).http.get(`${a.base}/json`)).statusCode).toBe(200);
    expect((await ctxOf({ allowPrivateNetwork: ['127.0.0.0/8'] }).http.get(`${a.base}/json`)).statusCode).toBe(200);
    expect((await ctxOf().http.get(`${a.base}/json`, { allowPrivateNetwork: ['127.0.0.1'] })).statusCode).toBe(200);
    // Opening one range does not open the others.
    await expect(ctxOf({ allowPrivateNetwork: ['10.0.0.0/8'] }).http.get(`${a.base}/json`)).rejects.toBeInstanceOf(PrivateNetworkError);
    expect(() => ctxOf({ allowPrivateNetwork: ['10.0.0.0/99'] })).toThrow(ValidationError);
    expect(() => ctxOf({ allowPrivateNetwork: ['not a host!'] })).toThrow(/allowPrivateNetwork/);
    expect(() => ctxOf({ allowPrivateNetwork: 'yes' as unknown as boolean })).toThrow(ValidationError);
  });

  it('classifies the address ranges', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '100.127.255.255', '::1', '::', 'fc00::1', 'fe80::1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '224.0.0.1', '255.255.255.255']) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '1.1.1.1', '100.128.0.1', '172.32.0.1', '2606:4700::1111', '64:ff9b::808:808']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });
});

describe('JSON big integers', () => {
  it('ctx.http keeps integers beyond 2^53 exact, as decimal strings', async () => {
    const r = await loopback().get(`${a.base}/bigint`);
    expect(r.body).toEqual({ id: '9007199254740993', safe: 9007199254740991, neg: '-12345678901234567890', f: 1.5, list: ['18446744073709551615'] });
    expect(r.text()).toContain('9007199254740993');
    expect(r.json()).toEqual(r.body);
  });

  it('gateway replies keep them exact too', async () => {
    const doc = await ctxOf({ gatewayUrl: `${a.base}/bigint-gw` }).store.get('notes', 'd1');
    expect(doc?.data).toEqual({ big: '9007199254740993', n: 2 });
  });
});
