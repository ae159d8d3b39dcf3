/**
 * Small HTTP helpers of the dev server: bounded JSON bodies, JSON answers and
 * the static files of the playground.
 *
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevError } from '../errors.js';

/** Largest request body the dev API accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An API failure with its HTTP status. */
export class HttpError extends DevError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON object body (`{}` when empty). @throws {@link HttpError} 413 / 400. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'the request body must be a JSON object');
  return value as Record<string, unknown>;
}

/** Sends `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** A required non-empty string field of a body. */
export function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || v === '') throw new HttpError(400, `'${name}' is required (a non-empty string)`);
  return v;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json' };

/**
 * The built playground: `dist/playground` beside this code's chunk in `dist/`, or the
 * repository's build when running from the sources (`src/dev/`). Only a built folder
 * counts (it has `app.js`; the repository's `playground/` sources do not).
 */
export function playgroundDir(): string | undefined {
  const candidates = ['./playground/', '../../dist/playground/'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((dir) => existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'app.js')));
}

const MISSING = `<!doctype html><meta charset="utf-8"><title>imperal dev</title><body style="font-family:sans-serif">
<h1>imperal dev</h1><p>The playground is not built into this copy of @imperal/sdk (run <code>npm run build</code> in the SDK).
The JSON API under <a href="/api/manifest">/api/</a> works.</p></body>`;

/** Serves a playground file (`/` → index.html); unknown paths get index.html (client-side routes). */
export function serveStatic(res: ServerResponse, urlPath: string): void {
  const dir = playgroundDir();
  if (!dir) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(MISSING);
    return;
  }
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  let file = join(dir, rel);
  if (!file.startsWith(dir) || rel.split(sep).includes('..') || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(readFileSync(file));
}
