/**
 * `MockHTTP`: `ctx.http` answering from registered routes. A request no route
 * matches fails loudly instead of reaching the network.
 *
 * @module
 */
import { BaseHttpClient, HTTPResponse, buildUrl, checkHttpTimeout, normaliseFiles, requestBody, type HttpRequestOptions } from '../../context/clients/http.js';
import type { HttpMethod } from '../../http/transport.js';

/** A file part of a multipart upload as `MockHTTP` saw it. */
export interface MockHttpFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** The bytes as UTF-8 text. */
  readonly text: string;
}

/** A request as `MockHTTP` saw it. */
export interface MockHttpRequest {
  readonly method: HttpMethod;
  /** The full URL, query included. */
  readonly url: string;
  /** The query as `[key, value]` pairs, in order (repeated keys kept). */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON value, the raw body as text, or the form fields (`form`, also with files). */
  readonly body: unknown;
  /** Multipart file parts (`files`), in order; empty otherwise. */
  readonly files: readonly MockHttpFile[];
  /** The timeout the request was given, in seconds (30 when none was passed). */
  readonly timeout: number;
}

/** What a route answers: objects/arrays are sent as JSON, strings as text. */
export interface MockHttpReply {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A route's answer, fixed or computed from the request. */
export type MockHttpResponder = MockHttpReply | ((request: MockHttpRequest) => MockHttpReply | Promise<MockHttpReply>);

/** Thrown when no route matches a `ctx.http` request. */
export class UnmatchedMockRequestError extends Error {
  constructor(method: string, url: string, known: readonly string[]) {
    super(
      `MockHTTP: no route for ${method} ${url}. Register one with ctx.http.mock('${method}', '<url or substring>', { status, body })` +
        (known.length ? `; registered: ${known.join(', ')}` : '; none registered'),
    );
    this.name = 'UnmatchedMockRequestError';
  }
}

/** `ctx.http` over registered routes. Routes match by method and URL substring (or RegExp); the first match wins. */
export class MockHTTP extends BaseHttpClient {
  readonly #routes: { method: HttpMethod | '*'; pattern: string | RegExp; responder: MockHttpResponder }[] = [];
  readonly #requests: MockHttpRequest[] = [];

  /** Registers a route; `method` `'*'` matches any method. */
  mock(method: HttpMethod | '*', pattern: string | RegExp, responder: MockHttpResponder): this {
    this.#routes.push({ method, pattern, responder });
    return this;
  }

  /** Registers a GET route. */
  mockGet(pattern: string | RegExp, responder: MockHttpResponder): this {
    return this.mock('GET', pattern, responder);
  }

  /** Registers a POST route. */
  mockPost(pattern: string | RegExp, responder: MockHttpResponder): this {
    return this.mock('POST', pattern, responder);
  }

  /** Every request made, in order. */
  get requests(): readonly MockHttpRequest[] {
    return [...this.#requests];
  }

  async request(method: HttpMethod, url: string, options: HttpRequestOptions = {}): Promise<HTTPResponse> {
    const timeout = checkHttpTimeout(options.timeout) / 1000;
    const parsed = buildUrl(url, options.params);
    const target = parsed.href;
    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    // The same body rules (and errors) as the real client; the content type it would send is recorded.
    requestBody(options, headers);
    const files = normaliseFiles(options.files).map((f) => ({ ...f, text: new TextDecoder().decode(f.bytes) }));
    if (files.length > 0) headers['content-type'] ??= 'multipart/form-data';
    const body = options.json ?? options.form ?? (options.body instanceof Uint8Array ? new TextDecoder().decode(options.body) : options.body);
    const query = [...parsed.searchParams.entries()] as Array<readonly [string, string]>;
    const req: MockHttpRequest = { method, url: target, query, headers, body, files, timeout };
    this.#requests.push(req);
    const route = this.#routes.find(
      (r) => (r.method === '*' || r.method === method) && (typeof r.pattern === 'string' ? target.includes(r.pattern) : r.pattern.test(target)),
    );
    if (!route) throw new UnmatchedMockRequestError(method, target, this.#routes.map((r) => `${r.method} ${String(r.pattern)}`));
    const reply = typeof route.responder === 'function' ? await route.responder(req) : route.responder;
    const isText = typeof reply.body === 'string' || reply.body === undefined;
    const text = reply.body === undefined ? '' : isText ? String(reply.body) : JSON.stringify(reply.body);
    const replyHeaders = { 'content-type': isText ? 'text/plain' : 'application/json', ...lower(reply.headers) };
    return HTTPResponse.from({ status: reply.status ?? 200, headers: replyHeaders, body: new TextEncoder().encode(text) });
  }
}

function lower(h: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(h ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}
