/**
 * How `ctx.http` follows a redirect, one hop at a time: what the next request
 * is, and which of the caller's headers and body it may carry.
 *
 * - A cross-origin hop carries none of the caller's headers (not only
 *   `Authorization`/`Cookie`: any header may hold a credential).
 * - 303, and 301/302 after a POST, become a GET without a body.
 * - 307/308 keep method and body, but only within the original origin: a body is
 *   never re-sent to another origin (the 3xx is handed back instead).
 *
 * @module
 */
import { APIConnectionError } from '../errors.js';
import type { HttpMethod } from './transport.js';

import type { FormData } from 'undici';

/** Redirects followed before giving up. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** One request of a redirect chain. */
export interface Hop {
  readonly method: HttpMethod;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | FormData | null;
}

/** Headers that describe a body and go when the body goes. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location', 'transfer-encoding']);

/**
 * The request that follows `current` after a response of `status` with
 * `location`, or `undefined` when the response is the final answer (not a
 * redirect, or a 307/308 whose body may not leave `origin`).
 *
 * @param origin - the origin of the first request of the chain.
 * @throws {@link APIConnectionError} for an unusable `Location` (not http(s)).
 */
export function nextHop(current: Hop, status: number, location: string | undefined, origin: string): Hop | undefined {
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined;
  let url: URL;
  try {
    url = new URL(location, current.url);
  } catch {
    throw new APIConnectionError(`${current.method} ${current.url.origin}${current.url.pathname} redirected to an invalid Location`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new APIConnectionError(`${current.method} ${current.url.origin}${current.url.pathname} redirected to a '${url.protocol}' URL; only http and https are followed`);
  }
  url.hash = '';
  const sameOrigin = url.origin === origin;
  const toGet = status === 303 || ((status === 301 || status === 302) && current.method === 'POST');
  if (!toGet && current.body !== null && !sameOrigin) return undefined;
  let headers: Record<string, string> = sameOrigin ? { ...current.headers } : {};
  if (toGet) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !BODY_HEADERS.has(name.toLowerCase())));
  return {
    method: toGet && current.method !== 'HEAD' ? 'GET' : current.method,
    url,
    headers,
    body: toGet ? null : current.body,
  };
}
