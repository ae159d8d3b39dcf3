/**
 * Reading bounded request bodies and writing answers for the HTTP transport.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The body was larger than the limit. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

/** The client stopped sending (aborted, reset) before the body was complete. */
export class BodyAborted extends Error {}

/**
 * Reads the whole body as raw bytes, at most `limit` of them. A declared
 * `Content-Length` over the limit is refused before a byte is read.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | null, body?: Buffer): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      if (error) reject(error);
      else resolve(body!);
    };
    // The error is made only when the body really was cut short: 'close' follows every
    // request, and an Error's stack costs more than the rest of reading a small body.
    const onAbort = (): void => {
      if (!settled) finish(new BodyAborted('request closed before its body ended'));
    };
    const onEnd = (): void => finish(null, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onAbort);
    req.once('close', onAbort);
  });
}

/** True for `application/json` and `application/<x>+json` (parameters such as `charset` allowed). */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  if (value === 'application/json') return true; // what every platform call sends
  const type = value.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Sends `body` (a string or bytes) with `status` and `headers`. A string goes out as
 * is: Node then writes the head and the body in one write instead of two.
 */
export function send(res: ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string | number> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-length': typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength, ...headers });
  res.end(body);
}

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify(value), { 'content-type': 'application/json', ...headers });
}

/**
 * Sends a refusal (`{ error }`) and closes the connection: the request's body may
 * still be arriving, and it is not read.
 */
export function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: message }, { connection: 'close', ...headers });
}

/** The request's headers as a plain record of strings (repeated ones joined by `, `). */
export function plainHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
