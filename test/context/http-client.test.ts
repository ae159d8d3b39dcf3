/**
 * `ctx.http`: direct egress with the upstream limits (timeout cap, 5 redirects),
 * no added headers, never throwing on status; and MockHTTP on the same interface.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, MockAgent } from 'undici';
import { UndiciHttpClient } from '../../src/context/clients/http.js';
import { APIConnectionError, APITimeoutError, ValidationError } from '../../src/errors.js';
import { MockHTTP, UnmatchedMockRequestError } from '../../src/testing/mocks/http.js';

let server: Server;
let base = '';
let seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const agent = new Agent();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const u = new URL(req.url ?? '/', 'http://x');
      const hop = Number(u.searchParams.get('hop') ?? -1);
      if (u.pathname === '/redirect') {
        res.writeHead(302, { location: hop > 0 ? `/redirect?hop=${hop - 1}` : '/json' }).end();
      } else if (u.pathname === '/json') {
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] }).end('[1,2]');
      } else if (u.pathname === '/bad-json') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{oops');
      } else if (u.pathname === '/hang') {
        // never answers
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await agent.close();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('UndiciHttpClient', () => {
  // The test server listens on loopback, which the SSRF guard refuses unless opened.
  const http = () => new UndiciHttpClient({ dispatcher: agent, allowPrivateNetwork: ['127.0.0.1'] });

  it('decodes JSON (arrays too), lower-cases and joins headers, never throws on status', async () => {
    const r = await http().get(`${base}/json`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toEqual([1, 2]);
    expect(r.json()).toEqual([1, 2]);
    expect(r.headers['set-cookie']).toBe('a=1, b=2');
    const missing = await http().get(`${base}/nowhere`);
    expect([missing.statusCode, missing.body, missing.ok]).toEqual([404, 'nope', false]);
    expect(() => missing.raiseForStatus()).toThrow('HTTP 404: nope');
    const bad = await http().get(`${base}/bad-json`);
    expect(bad.body).toBe('{oops');
    expect(bad.toDict()).toMatchObject({ status_code: 500, body: '{oops' });
  });

  it('adds nothing but what the caller sends', async () => {
    seen = [];
    await http().post(`${base}/echo`, { json: { a: 1 }, params: { q: 'x y' }, headers: { 'X-Custom': '1' } });
    expect(seen[0]!.url).toBe('/echo?q=x+y');
    expect(seen[0]!.body).toBe('{"a":1}');
    expect(seen[0]!.headers['x-custom']).toBe('1');
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers['x-service-token']).toBeUndefined();
  });

  it('put, patch and delete send their method, a raw body as given and no content-type of their own', async () => {
    seen = [];
    const c = http();
    await c.put(`${base}/echo`, { json: [1] });
    await c.patch(`${base}/echo`, { body: 'raw', headers: { 'content-type': 'text/plain' } });
    await c.delete(`${base}/echo`);
    expect(seen.map((s) => [s.method, s.body, s.headers['content-type']])).toEqual([
      ['PUT', '[1]', 'application/json'],
      ['PATCH', 'raw', 'text/plain'],
      ['DELETE', '', undefined],
    ]);
  });

  it('follows up to 5 redirects and fails on the 6th', async () => {
    expect((await http().get(`${base}/redirect?hop=4`)).body).toEqual([1, 2]);
    await expect(http().get(`${base}/redirect?hop=5`)).rejects.toBeInstanceOf(APIConnectionError);
  });

  it('validates timeouts (> 0, at most 180 s) and URLs', async () => {
    await expect(http().get(`${base}/json`, { timeout: 0 })).rejects.toMatchObject({ field: 'timeout' });
    await expect(http().get(`${base}/json`, { timeout: 181 })).rejects.toThrow(/180 s/);
    await expect(http().get('/relative')).rejects.toBeInstanceOf(ValidationError);
    await expect(http().get('ftp://x/y')).rejects.toMatchObject({ field: 'url' });
  });

  it('times out without retrying', { timeout: 5_000 }, async () => {
    seen = [];
    await expect(http().get(`${base}/hang`, { timeout: 0.3 })).rejects.toBeInstanceOf(APITimeoutError);
    expect(seen.filter((s) => s.url === '/hang').length).toBe(1);
  });

  it('takes an injected MockAgent', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    mock.get('https://api.example.com').intercept({ path: '/v1/items', method: 'GET' }).reply(200, { items: [] }, { headers: { 'content-type': 'application/json' } });
    const r = await new UndiciHttpClient({ dispatcher: mock }).get('https://api.example.com/v1/items');
    expect(r.body).toEqual({ items: [] });
    mock.assertNoPendingInterceptors();
    await mock.close();
  });
});

describe('MockHTTP', () => {
  it('answers registered routes and records requests', async () => {
    const http = new MockHTTP().mockGet('api.example.com/items', { body: { items: [1] } }).mock('*', /\/echo$/, (req) => ({ status: 201, body: req.body as string }));
    expect((await http.get('https://api.example.com/items?x=1')).json()).toEqual({ items: [1] });
    const echoed = await http.put('https://e.test/echo', { json: { a: 1 } });
    expect([echoed.statusCode, echoed.body]).toEqual([201, { a: 1 }]);
    expect(http.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET https://api.example.com/items?x=1', 'PUT https://e.test/echo']);
  });

  it('fails loudly on an unregistered request, naming the routes', async () => {
    const http = new MockHTTP().mockGet('a.test', { body: 'x' });
    const err = await http.post('https://a.test/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnmatchedMockRequestError);
    expect(String(err)).toMatch(/no route for POST https:\/\/a\.test\/x.*registered: GET a\.test/);
    await expect(http.get('https://a.test/x', { timeout: 200 })).rejects.toMatchObject({ field: 'timeout' });
  });
});
