/**
 * The HTTP transport's body reader: the whole body within the limit, a typed
 * refusal over it, and a typed abort when the client goes away mid-body — real
 * sockets on 127.0.0.1.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyAborted, BodyTooLarge, readBody } from '../../src/serve/transports/http-io.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** How a read ended, captured at once (so no rejection is ever left unhandled). */
type Outcome = { body: Buffer } | { error: unknown };
const settle = (read: Promise<Buffer>): Promise<Outcome> => read.then((body) => ({ body }), (error: unknown) => ({ error }));
const errorOf = async (outcome: Promise<Outcome> | undefined): Promise<unknown> => {
  const o = await outcome;
  return o && 'error' in o ? o.error : undefined;
};

/** Starts a server whose requests go to `onRequest`; returns its port. */
async function listen(onRequest: (req: IncomingMessage) => void): Promise<number> {
  server = createServer((req, res) => {
    onRequest(req);
    req.once('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Sends raw bytes on a new connection; `end` closes it after them. */
function sendRaw(port: number, text: string, end: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text, () => {
        if (end) socket.destroy();
        resolve();
      });
    });
    socket.on('error', reject);
  });
}

describe('readBody', () => {
  it('reads a whole body, and a client that goes away mid-body is a BodyAborted', async () => {
    const outcomes: Array<Promise<Outcome>> = [];
    const port = await listen((req) => outcomes.push(settle(readBody(req, 1024))));
    const ok = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'hello body' });
    expect(await ok.text()).toBe('ok');
    expect(await outcomes[0]).toEqual({ body: Buffer.from('hello body') });
    // Declares 100 bytes, sends 5, hangs up.
    await sendRaw(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhello', true);
    for (let i = 0; i < 100 && outcomes.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await errorOf(outcomes[1])).toBeInstanceOf(BodyAborted);
  });

  it('refuses a declared or streamed body over the limit', async () => {
    const outcomes: Array<Promise<Outcome>> = [];
    const port = await listen((req) => outcomes.push(settle(readBody(req, 8))));
    await sendRaw(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n', true);
    await sendRaw(port, 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n', true);
    for (let i = 0; i < 100 && outcomes.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await errorOf(outcomes[0])).toBeInstanceOf(BodyTooLarge);
    expect(await errorOf(outcomes[1])).toBeInstanceOf(BodyTooLarge);
  });
});
