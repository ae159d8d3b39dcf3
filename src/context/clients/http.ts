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
import type { Dispatcher, FormData } from 'undici';
import { undici } from '../../lazy.js';
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

/** A query value. */
export type QueryValue = string | number | boolean;

/**
 * Query parameters appended to the URL: an object (an array value repeats the key)
 * or a list of `[key, value]` pairs, in order (`[['site', 'a'], ['site', 'b']]`).
 */
export type QueryParams = Readonly<Record<string, QueryValue | readonly QueryValue[]>> | ReadonlyArray<readonly [string, QueryValue]>;

/** One file of a multipart upload. */
export interface HttpFile {
  /** The file's bytes (a string is sent as UTF-8). */
  readonly content: string | Uint8Array;
  /** File name sent in the part's `Content-Disposition` (default: the field name). */
  readonly filename?: string;
  /** The part's content type (default `application/octet-stream`). */
  readonly contentType?: string;
}

/** Options of one outbound request. */
export interface HttpRequestOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters appended to the URL (pairs keep repeated keys). */
  readonly params?: QueryParams;
  /** JSON body (sets `content-type: application/json`). */
  readonly json?: unknown;
  /** Raw body. */
  readonly body?: string | Uint8Array;
  /** Files of a `multipart/form-data` upload, by field name (httpx `files=`). */
  readonly files?: Readonly<Record<string, HttpFile | Uint8Array | string>>;
  /** Form fields: sent as parts of the multipart body with `files`, else `application/x-www-form-urlencoded`. */
  readonly form?: Readonly<Record<string, QueryValue>>;
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
  for (const [k, v] of queryPairs(params)) u.searchParams.append(k, String(v));
  return u;
}

/** `params` as `[key, value]` pairs, in order (an array value repeats its key). */
export function queryPairs(params: QueryParams | undefined): Array<[string, QueryValue]> {
  if (!params) return [];
  if (Array.isArray(params)) {
    return (params as ReadonlyArray<readonly [string, QueryValue]>).map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
        throw new ValidationError(`params[${i}]`, "must be a [key, value] pair, e.g. ['site', 'example.com']");
      }
      return [pair[0], pair[1]];
    });
  }
  const out: Array<[string, QueryValue]> = [];
  for (const [k, v] of Object.entries(params as Record<string, QueryValue | readonly QueryValue[]>)) {
    if (Array.isArray(v)) for (const item of v as readonly QueryValue[]) out.push([k, item]);
    else out.push([k, v as QueryValue]);
  }
  return out;
}

/** A multipart file part normalised from the `files` option. */
export interface NormalisedFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** The `files` option as parts (strings UTF-8 encoded); a clear error for anything else. */
export function normaliseFiles(files: HttpRequestOptions['files']): NormalisedFile[] {
  return Object.entries(files ?? {}).map(([field, f]) => {
    const file: HttpFile = typeof f === 'string' || f instanceof Uint8Array ? { content: f } : f;
    const content = file?.content;
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
      throw new ValidationError(`files.${field}`, 'must be bytes, a string, or { content, filename?, contentType? }');
    }
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return { field, filename: file.filename ?? field, contentType: file.contentType ?? 'application/octet-stream', bytes };
  });
}

/** The request body for `json`, `body`, `files`/`form` (at most one kind), setting the content type it needs. */
export function requestBody(options: HttpRequestOptions, headers: Record<string, string>): string | Uint8Array | FormData | null {
  const kinds = [options.json !== undefined, options.body !== undefined, options.files !== undefined || options.form !== undefined].filter(Boolean).length;
  if (kinds > 1) throw new ValidationError('body', 'pass one of json, body, or files/form');
  if (options.json !== undefined) {
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    return JSON.stringify(options.json);
  }
  if (options.files !== undefined) {
    // undici's own FormData (its request() encodes only that one), loaded with undici.
    const form = new (undici().FormData)();
    for (const [k, v] of Object.entries(options.form ?? {})) form.append(k, String(v));
    for (const f of normaliseFiles(options.files)) form.append(f.field, new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.contentType }), f.filename);
    return form; // undici writes the multipart content type with its boundary
  }
  if (options.form !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    return new URLSearchParams(Object.entries(options.form).map(([k, v]) => [k, String(v)])).toString();
  }
  return options.body ?? null;
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
    const body = requestBody(options, headers);
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
