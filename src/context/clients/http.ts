/**
 * `ctx.http`: outbound HTTP from a handler, straight to the target (not via
 * the gateway). It adds no credentials, never throws on an HTTP status,
 * follows at most 5 redirects and caps the timeout at 180 s.
 *
 * @module
 */
import type { Dispatcher } from 'undici';
import { APIConnectionError, ValidationError } from '../../errors.js';
import { egressDispatcher, withRedirects } from '../../http/pool.js';
import { Transport, type HttpMethod, type TransportResponse } from '../../http/transport.js';

/** Default and maximum timeouts, in seconds. */
export const HTTP_TIMEOUT = Object.freeze({ default: 30, max: 180 });
/** Redirects followed before giving up. */
export const HTTP_MAX_REDIRECTS = 5;

/** Options of one outbound request. */
export interface HttpRequestOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters appended to the URL. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** JSON body (sets `content-type: application/json`). */
  readonly json?: unknown;
  /** Raw body. */
  readonly body?: string | Uint8Array;
  /** Seconds, > 0 and ≤ 180 (default 30). Longer work belongs in a background task. */
  readonly timeout?: number;
  readonly signal?: AbortSignal;
}

/** A response of `ctx.http` (`http_response.schema.json`). */
export class HTTPResponse {
  /** Status code. */
  readonly statusCode: number;
  /** Parsed JSON when the content type says JSON (text if it does not parse), else text; `''` when empty. */
  readonly body: unknown;
  /** Lower-cased header names; repeated headers comma-joined. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(statusCode: number, body: unknown = '', headers: Readonly<Record<string, string>> = {}) {
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
  }

  /** Builds the response from raw bytes, decoding as the upstream client does. */
  static from(res: TransportResponse): HTTPResponse {
    const text = new TextDecoder().decode(res.body);
    let body: unknown = text;
    if ((res.headers['content-type'] ?? '').includes('json') && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return new HTTPResponse(res.status, body, res.headers);
  }

  /** 2xx. */
  get ok(): boolean {
    return this.statusCode >= 200 && this.statusCode < 300;
  }

  /** The body as JSON: objects and arrays as they are, strings parsed. */
  json<T = unknown>(): T {
    if (typeof this.body === 'string') return JSON.parse(this.body) as T;
    return this.body as T;
  }

  /** The body as text (JSON bodies re-serialised). */
  text(): string {
    return typeof this.body === 'string' ? this.body : JSON.stringify(this.body);
  }

  /** Throws an {@link HTTPStatusError} for a status ≥ 400. */
  raiseForStatus(): this {
    if (this.statusCode >= 400) throw new HTTPStatusError(this.statusCode, this.body);
    return this;
  }

  /** The wire form (`status_code, body, headers`). */
  toDict(): { status_code: number; body: unknown; headers: Record<string, string> } {
    return { status_code: this.statusCode, body: this.body, headers: { ...this.headers } };
  }
}

/** Raised by {@link HTTPResponse.raiseForStatus}. */
export class HTTPStatusError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${statusCode}: ${(typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 200)}`);
    this.name = 'HTTPStatusError';
  }
}

/** The `ctx.http` interface, implemented by the undici client and `MockHTTP`. */
export interface HttpClient {
  request(method: HttpMethod, url: string, options?: HttpRequestOptions): Promise<HTTPResponse>;
  get(url: string, options?: HttpRequestOptions): Promise<HTTPResponse>;
  post(url: string, options?: HttpRequestOptions): Promise<HTTPResponse>;
  put(url: string, options?: HttpRequestOptions): Promise<HTTPResponse>;
  patch(url: string, options?: HttpRequestOptions): Promise<HTTPResponse>;
  delete(url: string, options?: HttpRequestOptions): Promise<HTTPResponse>;
}

/** Checks a timeout in seconds and returns it in milliseconds. */
export function checkHttpTimeout(timeout: number | undefined): number {
  const t = timeout ?? HTTP_TIMEOUT.default;
  if (typeof t !== 'number' || !(t > 0)) throw new ValidationError('timeout', `ctx.http timeout must be > 0 seconds; got ${String(t)}`);
  if (t > HTTP_TIMEOUT.max) {
    throw new ValidationError('timeout', `ctx.http timeout is capped at ${HTTP_TIMEOUT.max} s; got ${t}. Move longer work into a background task`);
  }
  return t * 1000;
}

/** The absolute URL with `params` appended; a clear error for relative or non-HTTP URLs. */
export function buildUrl(url: string, params?: HttpRequestOptions['params']): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ValidationError('url', `'${url}' is not an absolute URL; pass e.g. 'https://api.example.com/v1/items'`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ValidationError('url', `'${u.protocol}' URLs are not supported; use http or https`);
  for (const [k, v] of Object.entries(params ?? {})) u.searchParams.append(k, String(v));
  return u;
}

/** Shared verb helpers on top of `request`. */
export abstract class BaseHttpClient implements HttpClient {
  abstract request(method: HttpMethod, url: string, options?: HttpRequestOptions): Promise<HTTPResponse>;
  get(url: string, options?: HttpRequestOptions): Promise<HTTPResponse> {
    return this.request('GET', url, options);
  }
  post(url: string, options?: HttpRequestOptions): Promise<HTTPResponse> {
    return this.request('POST', url, options);
  }
  put(url: string, options?: HttpRequestOptions): Promise<HTTPResponse> {
    return this.request('PUT', url, options);
  }
  patch(url: string, options?: HttpRequestOptions): Promise<HTTPResponse> {
    return this.request('PATCH', url, options);
  }
  delete(url: string, options?: HttpRequestOptions): Promise<HTTPResponse> {
    return this.request('DELETE', url, options);
  }
}

/** `ctx.http` over undici: no retries (the caller decides), redirects followed, status never thrown. */
export class UndiciHttpClient extends BaseHttpClient {
  readonly #transport: Transport;
  readonly #signal: AbortSignal | undefined;

  /** `dispatcher` (e.g. a `MockAgent`) gets redirect following added; default: the shared egress agent. */
  constructor(options: { dispatcher?: Dispatcher | undefined; signal?: AbortSignal | undefined } = {}) {
    super();
    const injected = options.dispatcher;
    const dispatcher = injected ? () => withRedirects(injected, HTTP_MAX_REDIRECTS) : egressDispatcher;
    this.#transport = new Transport({ dispatcher, retry: { maxRetries: 0 } });
    this.#signal = options.signal;
  }

  async request(method: HttpMethod, url: string, options: HttpRequestOptions = {}): Promise<HTTPResponse> {
    const timeoutMs = checkHttpTimeout(options.timeout);
    const target = buildUrl(url, options.params);
    const headers: Record<string, string> = { ...options.headers };
    let body: string | Uint8Array | null = options.body ?? null;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await this.#transport.send({ method, url: target, headers, body, timeoutMs, signal: options.signal ?? this.#signal, retryable: false });
    // The redirect interceptor hands back the last 3xx once its budget is spent.
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      throw new APIConnectionError(`${method} ${target.origin}${target.pathname} exceeded ${HTTP_MAX_REDIRECTS} redirects`);
    }
    return HTTPResponse.from(res);
  }
}
