/**
 * `ctx.http` 5.x forms real extensions use: multipart uploads (`files`, with
 * `form` fields), urlencoded forms, and repeated query keys (`params` as pairs
 * or arrays), against a real server on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { UndiciHttpClient } from '../../src/context/clients/http.js';
import { ValidationError } from '../../src/errors.js';

let server: Server;
let base = '';
const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
const agent = new Agent();
// The test server is on loopback: open the SSRF guard for it, as docs/security.md describes.
const http = new UndiciHttpClient({ dispatcher: agent, allowPrivateNetwork: true });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await agent.close();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('ctx.http 5.x forms', () => {
  it('params as pairs (or arrays) repeat keys in order', async () => {
    await http.get(`${base}/run`, { params: [['category', 'seo'], ['category', 'performance'], ['url', 'a b']] });
    await http.get(`${base}/run`, { params: { category: ['a', 'b'], n: 1 } });
    expect(seen.slice(-2).map((s) => s.url)).toEqual(['/run?category=seo&category=performance&url=a+b', '/run?category=a&category=b&n=1']);
    await expect(http.get(`${base}/run`, { params: [['only-key']] as never })).rejects.toThrow(ValidationError);
  });

  it('files are sent as multipart/form-data parts with their names and types, form fields first', async () => {
    const res = await http.post(`${base}/upload`, {
      files: { file: { content: 'hello world', filename: 'note.txt', contentType: 'text/plain' }, raw: new Uint8Array([65, 66]) },
      form: { folder_id: 'f1' },
    });
    expect(res.json()).toEqual({ ok: true });
    const { headers, body } = seen.at(-1)!;
    const boundary = /boundary=(.+)$/.exec(String(headers['content-type']))?.[1];
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(boundary).toBeTruthy();
    const parts = body.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain('name="folder_id"');
    expect(parts[0]).toContain('f1');
    expect(parts[1]).toContain('name="file"; filename="note.txt"');
    expect(parts[1]).toMatch(/content-type: text\/plain/i);
    expect(parts[1]).toContain('hello world');
    expect(parts[2]).toContain('name="raw"; filename="raw"');
    expect(parts[2]).toMatch(/content-type: application\/octet-stream/i);
    expect(parts[2]).toContain('AB');
  });

  it('form alone is urlencoded; mixing body kinds is refused', async () => {
    await http.post(`${base}/form`, { form: { a: 1, b: 'x y' } });
    expect(seen.at(-1)!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen.at(-1)!.body).toBe('a=1&b=x+y');
    await expect(http.post(`${base}/x`, { json: {}, files: { f: 'x' } })).rejects.toThrow(/one of json, body, or files\/form/);
  });
});
