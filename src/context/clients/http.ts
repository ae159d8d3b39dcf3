/**
 * `ctx.http`: outbound HTTP from a handler, straight to the target (not via
 * the gateway). It adds no credentials and never throws on an HTTP status. It
 * is bounded: the timeout (≤ 180 s) covers the whole call, redirects included;
 * bodies are capped (`maxResponseBytes`, 10 MiB by default); at most 5
 * redirects are followed without leaking the caller's headers or body to
 * another origin; and loopback / private / metadata addresses are refused
 * unless `allowPrivateNetwork` opens them (docs/security.md).
 *
 * @module
 */
import type { Dispatcher } from 'undici';
import { APIConnectionError, APITimeoutError, ValidationError } from '../../errors.js';
import { parseJsonExact } from '../../http/json.js';
import { egressDispatcher } from '../../http/pool.js';
import { MAX_REDIRECTS, nextHop, type Hop } from '../../http/redirects.js';
import { checkLiteralHost, privateNetworkPolicy, type AllowPrivateNetwork, type PrivateNetworkPolicy } from '../../http/ssrf.js';
import { Transport, checkMaxResponseBytes, type HttpMethod, type TransportResponse } from '../../http/transport.js';

export type { AllowPrivateNetwork } from '../../http/ssrf.js';

/** Default and maximum timeouts, in seconds. */
export const HTTP_TIMEOUT = Object.freeze({ default: 30, max: 180 });
/** Redirects followed before giving up. */
export const HTTP_MAX_REDIRECTS = MAX_REDIRECTS;

/** Options of one outbound request. */
export interface HttpRequestOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters appended to the URL. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
  /** JSON body (sets `content-type: application/json`). */
  readonly json?: unknown;
  /** Raw body. */
  readonly body?: string | Uint8Array;
  /**
   * Seconds, > 0 and ≤ 180 (default 30), for the whole call: connecting, every
   * redirect hop, the headers and the last body byte. Longer work belongs in a background task.
   */
  readonly timeout?: number;
  readonly signal?: AbortSignal;
  /** Largest response body accepted, in bytes (default: the context's, 10 MiB unless set). */
  readonly maxResponseBytes?: number;
  /**
   * Opens the SSRF guard for this request: `true` for every address, or a list of
   * host names, IP addresses and CIDR ranges (e.g. `['127.0.0.1']`). Default: the context's.
   */
  readonly allowPrivateNetwork?: AllowPrivateNetwork;
}

/** A response of `ctx.http` (`http_response.schema.json`). */
export class HTTPResponse {
  /** Status code. */
  readonly statusCode: number;
  /**
   * Parsed JSON when the content type says JSON (text if it does not parse), else
   * text; `''` when empty. Integers beyond 2^53 arrive as decimal strings, every digit kept.
   */
  readonly body: unknown;
  /** Lower-cased header names; repeated headers comma-joined. */
  readonly headers: Readonly<Record<string, string>>;

  readonly #text: string | undefined;

  /** `text` is the body as received, when known (`text()` then returns it unchanged). */
  constructor(statusCode: number, body: unknown = '', headers: Readonly<Record<string, string>> = {}, text?: string) {
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
    this.#text = text;
  }

  /** Builds the response from raw bytes, decoding as the upstream client does. */
  static from(res: TransportResponse): HTTPResponse {
    const text = new TextDecoder().decode(res.body);
    let body: unknown = text;
    if ((res.headers['content-type'] ?? '').includes('json') && text !== '') {
      try {
        body = parseJsonExact(text);
      } catch {
        body = text;
      }
    }
    return new HTTPResponse(res.status, body, res.headers, text);
  }

  /** 2xx. */
  get ok(): boolean {
    return this.statusCode >= 200 && this.statusCode < 300;
  }

  /** The body as JSON: objects and arrays as they are, strings parsed (big integers as strings). */
  json<T = unknown>(): T {
    if (typeof this.body === 'string') return parseJsonExact(this.body) as T;
    return this.body as T;
  }

  /** The body as text: as received when known, else JSON bodies re-serialised. */
  text(): string {
    if (this.#text !== undefined) return this.#text;
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

/** Options of {@link UndiciHttpClient}. */
export interface UndiciHttpClientOptions {
  /**
   * Where requests go (e.g. a `MockAgent`). Default: the SDK's egress agents, whose
   * connections pass the SSRF guard after DNS resolution. With an injected
   * dispatcher only IP-literal hosts can be checked: it is trusted to connect where it should.
   */
  readonly dispatcher?: Dispatcher | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Default body cap of every request, in bytes (10 MiB). */
  readonly maxResponseBytes?: number | undefined;
  /** Default SSRF opening of every request (closed). */
  readonly allowPrivateNetwork?: AllowPrivateNetwork | undefined;
}

/** `ctx.http` over undici: no retries (the caller decides), redirects followed hop by hop, status never thrown. */
export class UndiciHttpClient extends BaseHttpClient {
  readonly #dispatcher: Dispatcher | undefined;
  readonly #transports = new Map<Dispatcher, Transport>();
  readonly #signal: AbortSignal | undefined;
  readonly #maxResponseBytes: number;
  readonly #policy: PrivateNetworkPolicy;

  constructor(options: UndiciHttpClientOptions = {}) {
    super();
    this.#dispatcher = options.dispatcher;
    this.#signal = options.signal;
    this.#maxResponseBytes = checkMaxResponseBytes(options.maxResponseBytes);
    this.#policy = privateNetworkPolicy(options.allowPrivateNetwork);
  }

  async request(method: HttpMethod, url: string, options: HttpRequestOptions = {}): Promise<HTTPResponse> {
    const timeoutMs = checkHttpTimeout(options.timeout);
    const maxResponseBytes = checkMaxResponseBytes(options.maxResponseBytes, this.#maxResponseBytes);
    const policy = options.allowPrivateNetwork === undefined ? this.#policy : privateNetworkPolicy(options.allowPrivateNetwork);
    const transport = this.#transport(policy);
    const first = buildUrl(url, options.params);
    const headers: Record<string, string> = { ...options.headers };
    let body: string | Uint8Array | null = options.body ?? null;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const signal = options.signal ?? this.#signal;
    // One deadline for the whole call: every hop gets what is left of it.
    const deadline = Date.now() + timeoutMs;
    let hop: Hop = { method, url: first, headers, body };
    for (let redirects = 0; ; redirects++) {
      checkLiteralHost(hop.url, policy);
      const left = deadline - Date.now();
      if (left <= 0) throw new APITimeoutError(`${method} ${first.origin}${first.pathname} timed out after ${timeoutMs} ms`, timeoutMs);
      const res: TransportResponse = await transport.send({ ...hop, timeoutMs: left, maxResponseBytes, signal, retryable: false });
      const next = nextHop(hop, res.status, res.headers.location, first.origin);
      if (!next) return HTTPResponse.from(res);
      if (redirects >= HTTP_MAX_REDIRECTS) {
        throw new APIConnectionError(`${method} ${first.origin}${first.pathname} exceeded ${HTTP_MAX_REDIRECTS} redirects`);
      }
      hop = next;
    }
  }

  /** One transport per dispatcher: the injected one, or the egress agent of `policy`. */
  #transport(policy: PrivateNetworkPolicy): Transport {
    const dispatcher = this.#dispatcher ?? egressDispatcher(policy);
    let transport = this.#transports.get(dispatcher);
    if (!transport) {
      transport = new Transport({ dispatcher, retry: { maxRetries: 0 } });
      this.#transports.set(dispatcher, transport);
    }
    return transport;
  }
}
