import { ValidationError } from '../errors.js';

/** Webhook request headers: lower-cased names, multi-valued headers joined with `, `. */
export type WebhookHeaders = Readonly<Record<string, string>>;

/** Fields accepted by the {@link WebhookRequest} constructor. */
export interface WebhookRequestInit {
  /** HTTP method (default `POST`). */
  method?: string;
  /** Header names are lower-cased on the way in. */
  headers?: Record<string, string | readonly string[] | undefined>;
  /** The raw body bytes (a string is encoded as UTF-8). */
  body?: Uint8Array | string;
  query?: Record<string, string>;
  /** The webhook path the request arrived on. */
  path?: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * An inbound webhook call, as `ext.webhook` handlers receive it.
 *
 * The body is kept as raw bytes so signatures can be verified over exactly what
 * was sent; `text()` and `json()` decode it on demand.
 */
export class WebhookRequest {
  /** Upper-cased HTTP method. */
  readonly method: string;
  /** Headers with lower-cased names. */
  readonly headers: WebhookHeaders;
  /** The raw body bytes, exactly as received (verify signatures over these). */
  readonly body: Uint8Array;
  /** Query-string parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** The webhook path it arrived on (e.g. `/stripe`). */
  readonly path: string;

  /** @throws {@link ValidationError} when the body is neither bytes nor a string. */
  constructor(init: WebhookRequestInit) {
    if (init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Uint8Array)) {
      throw new ValidationError('body', 'a webhook body must be the raw bytes (Uint8Array) or a string; JSON-encode objects first');
    }
    this.method = (init.method ?? 'POST').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      if (value === undefined) continue;
      headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
    }
    this.headers = headers;
    this.body = typeof init.body === 'string' ? encoder.encode(init.body) : (init.body ?? new Uint8Array());
    this.query = { ...init.query };
    this.path = init.path ?? '';
  }

  /** A header's value (case-insensitive name), or `undefined`. */
  header(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  /** The body decoded as UTF-8. */
  text(): string {
    return decoder.decode(this.body);
  }

  /** The body parsed as JSON; a body that is not JSON raises {@link ValidationError} on `body`. */
  json<T = unknown>(): T {
    try {
      return JSON.parse(this.text()) as T;
    } catch (error) {
      throw new ValidationError('body', `webhook body is not valid JSON (${(error as Error).message})`);
    }
  }
}

/** The wire form of a webhook response. */
export interface WebhookResponseDict {
  status_code: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What an `ext.webhook` handler answers with. */
export class WebhookResponse {
  /** HTTP status to answer with. */
  readonly statusCode: number;
  /** Body: a string is sent as is, anything else as JSON. */
  readonly body: unknown;
  /** Extra response headers. */
  readonly headers: Record<string, string>;

  /** A response with `statusCode` (200), `body` (`''`) and `headers` ({}). */
  constructor(statusCode = 200, body: unknown = '', headers: Record<string, string> = {}) {
    this.statusCode = statusCode;
    this.body = body;
    this.headers = headers;
  }

  /** 200 with a body (`"OK"` by default). */
  static ok(body: unknown = 'OK', headers: Record<string, string> = {}): WebhookResponse {
    return new WebhookResponse(200, body, headers);
  }

  /** An error status (400 by default) with body `{ error: message }`. */
  static error(message: string, status = 400): WebhookResponse {
    return new WebhookResponse(status, { error: message });
  }

  /** A JSON body with `content-type: application/json`. */
  static json(body: unknown, status = 200): WebhookResponse {
    return new WebhookResponse(status, body, { 'content-type': 'application/json' });
  }

  /** The wire form (flat `status_code`, `headers`, `body`). */
  toDict(): WebhookResponseDict {
    return { status_code: this.statusCode, headers: this.headers, body: this.body };
  }

  /** `JSON.stringify(response)` yields the wire form. */
  toJSON(): WebhookResponseDict {
    return this.toDict();
  }
}
