/**
 * `ctx.http`: outbound HTTP from a handler, straight to the target (not via
 * the gateway). It adds no credentials, never throws on an HTTP status,
 * follows at most 5 redirects and caps the timeout at 180 s.
 *
 * @module
 */
import { FormData, type Dispatcher } from 'undici';
import { APIConnectionError, ValidationError } from '../../errors.js';
import { egressDispatcher, withRedirects } from '../../http/pool.js';
import { Transport, type HttpMethod, type TransportResponse } from '../../http/transport.js';

/** Default and maximum timeouts, in seconds. */
export const HTTP_TIMEOUT = Object.freeze({ default: 30, max: 180 });
/** Redirects followed before giving up. */
export const HTTP_MAX_REDIRECTS = 5;

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
    const form = new FormData();
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

/** `ctx.http` over undici: no retries (the caller decides), redirects followed, status never thrown. */
export class UndiciHttpClient extends BaseHttpClient {
  readonly #transport: Transport;
  readonly #signal: AbortSignal | undefined;

  /** `dispatcher` (e.g. a `MockAgent`) gets redirect following added; default: the shared egress agent. */
  constructor(options: { dispatcher?: Dispatcher | undefined; signal?: AbortSignal | undefined } = {}) {
    super();
    const dispatcher = options.dispatcher ? withRedirects(options.dispatcher, HTTP_MAX_REDIRECTS) : egressDispatcher();
    this.#transport = new Transport({ dispatcher, retry: { maxRetries: 0 } });
    this.#signal = options.signal;
  }

  async request(method: HttpMethod, url: string, options: HttpRequestOptions = {}): Promise<HTTPResponse> {
    const timeoutMs = checkHttpTimeout(options.timeout);
    const target = buildUrl(url, options.params);
    const headers: Record<string, string> = { ...options.headers };
    const body = requestBody(options, headers);
    const res = await this.#transport.send({ method, url: target, headers, body, timeoutMs, signal: options.signal ?? this.#signal, retryable: false });
    // The redirect interceptor hands back the last 3xx once its budget is spent.
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      throw new APIConnectionError(`${method} ${target.origin}${target.pathname} exceeded ${HTTP_MAX_REDIRECTS} redirects`);
    }
    return HTTPResponse.from(res);
  }
}
