/**
 * The gateway layer on top of {@link Transport}: base URL, auth headers, JSON
 * and multipart bodies, status → error mapping. Every `ctx.*` client that talks
 * to the platform holds one of these.
 *
 * @module
 */
import type { Dispatcher, FormData } from 'undici';
import { InvalidResponseError, ValidationError } from '../errors.js';
import { gatewayDispatcher } from './pool.js';
import type { RetryPolicy } from './retry.js';
import { errorFromResponse, type ErrorSubject } from './status-errors.js';
import { parseJsonExact } from './json.js';
import { Transport, checkMaxResponseBytes, type HttpMethod, type TransportResponse } from './transport.js';

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Cancels the call (defaults to the handler's `ctx.signal`). */
  readonly signal?: AbortSignal;
  /**
   * Per-attempt timeout in milliseconds, > 0 and at most 180,000 (defaults to the
   * client's upstream timeout). It bounds the whole exchange of each attempt:
   * connecting, the headers and the last byte of the body.
   */
  readonly timeoutMs?: number;
  /** Largest response body accepted, in bytes (default: the context's, 10 MiB unless set). */
  readonly maxResponseBytes?: number;
  /** Overrides the number of retries for this call. */
  readonly maxRetries?: number;
}

/** Options for writes that may be made safe to retry. */
export interface WriteOptions extends CallOptions {
  /**
   * Sent as `Idempotency-Key`; makes a POST retryable because the platform
   * de-duplicates repeated keys. Without it a POST is sent exactly once.
   */
  readonly idempotencyKey?: string;
}

/** How the real clients reach the gateway. */
export interface GatewayConnection {
  /** Gateway base URL, e.g. `https://gw.imperal.io` (a trailing `/` is ignored). */
  readonly gatewayUrl: string;
  /** Where requests go; defaults to the shared keep-alive pool of the gateway's origin. */
  readonly dispatcher?: Dispatcher | undefined;
  /** Retry policy overrides. */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Default cancellation for every call (the handler's signal). */
  readonly signal?: AbortSignal | undefined;
  /** Largest response body accepted, in bytes (default 10 MiB); a call's own option overrides it. */
  readonly maxResponseBytes?: number | undefined;
}

/** One gateway call. */
export interface GatewayCall extends ErrorSubject {
  readonly method: HttpMethod;
  /** Path below the base URL, segments already encoded (use {@link seg}). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly json?: unknown;
  /** A body already serialised as JSON (when its exact bytes were size-checked). */
  readonly jsonText?: string;
  readonly form?: FormData;
  readonly timeoutMs: number;
  /** A POST that changes nothing (query, count): safe to retry. */
  readonly readOnly?: boolean;
  /** Statuses handed back to the client instead of thrown (e.g. 404 → `null`). */
  readonly accept?: readonly number[];
  readonly options?: WriteOptions | undefined;
}

/** A successful (or accepted) gateway answer. */
export class GatewayReply {
  constructor(
    readonly status: number,
    readonly headers: Readonly<Record<string, string>>,
    readonly body: Uint8Array,
    private readonly what: string,
  ) {}

  /**
   * The body parsed as JSON; an empty body is `null`; integers beyond 2^53 arrive
   * as decimal strings (never rounded). Malformed JSON is an {@link InvalidResponseError}.
   */
  json<T = unknown>(): T {
    const text = UTF8.decode(this.body);
    if (!/\S/.test(text)) return null as T;
    try {
      return parseJsonExact(text) as T;
    } catch (err) {
      throw new InvalidResponseError(`${this.what}: the gateway answered HTTP ${this.status} with malformed JSON`, this.status, { cause: err });
    }
  }

  /** The body parsed as a JSON object; anything else is an {@link InvalidResponseError}. */
  object(): Record<string, unknown> {
    const v = this.json();
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new InvalidResponseError(`${this.what}: expected a JSON object from the gateway`, this.status);
    }
    return v as Record<string, unknown>;
  }
}

export { seg } from './paths.js';

/** Longest timeout a call may ask for: 180 s (longer work belongs in a background task). */
export const MAX_CALL_TIMEOUT_MS = 180_000;

// Decoding whole bodies keeps no state between calls: one decoder serves them all.
const UTF8 = new TextDecoder();

/** `gatewayUrl` parsed; a `TypeError` that says what to pass when it is not an absolute URL. */
export function gatewayUrlOf(gatewayUrl: string): URL {
  try {
    return new URL(gatewayUrl);
  } catch {
    throw new TypeError(`gatewayUrl '${gatewayUrl}' is not an absolute URL; pass e.g. 'https://gw.imperal.io'`);
  }
}

/** Sends gateway calls over one {@link Transport}. */
export class GatewayHttp {
  readonly baseUrl: string;
  readonly transport: Transport;
  readonly #signal: AbortSignal | undefined;
  readonly #maxResponseBytes: number;

  constructor(conn: GatewayConnection) {
    const url = gatewayUrlOf(conn.gatewayUrl);
    this.baseUrl = url.href.replace(/\/+$/, '');
    this.transport = new Transport({ dispatcher: conn.dispatcher ?? (() => gatewayDispatcher(url.origin)), retry: conn.retry });
    this.#signal = conn.signal;
    this.#maxResponseBytes = checkMaxResponseBytes(conn.maxResponseBytes);
  }

  /** Sends `call`; non-2xx statuses not listed in `accept` become SDK errors. */
  async call(call: GatewayCall): Promise<GatewayReply> {
    const url = new URL(this.baseUrl + call.path);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) url.searchParams.append(k, String(v));
    const headers: Record<string, string> = { ...call.headers };
    let body: string | FormData | null = null;
    if (call.json !== undefined || call.jsonText !== undefined) {
      headers['content-type'] = 'application/json';
      body = call.jsonText ?? JSON.stringify(call.json);
    } else if (call.form) {
      body = call.form;
    }
    const opts = call.options;
    const timeoutMs = opts?.timeoutMs ?? call.timeoutMs;
    // undici reads 0 as "no timeout": refuse it rather than let a call hang forever.
    if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new ValidationError('timeoutMs', `must be a number of milliseconds > 0 (got ${String(timeoutMs)})`);
    }
    if (timeoutMs > MAX_CALL_TIMEOUT_MS) {
      throw new ValidationError('timeoutMs', `is capped at ${MAX_CALL_TIMEOUT_MS} ms (got ${timeoutMs}); move longer work into a background task`);
    }
    const maxResponseBytes = checkMaxResponseBytes(opts?.maxResponseBytes, this.#maxResponseBytes);
    if (opts?.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const idempotent = call.method !== 'POST' && call.method !== 'PATCH';
    const res: TransportResponse = await this.transport.send({
      method: call.method,
      url,
      headers,
      body,
      timeoutMs,
      maxResponseBytes,
      // The handler's signal always applies; a per-call signal can only cut the call shorter.
      signal: opts?.signal && this.#signal ? AbortSignal.any([opts.signal, this.#signal]) : (opts?.signal ?? this.#signal),
      retryable: idempotent || call.readOnly === true || Boolean(opts?.idempotencyKey),
      maxRetries: opts?.maxRetries,
    });
    const ok = res.status >= 200 && res.status < 300;
    if (!ok && !call.accept?.includes(res.status)) throw errorFromResponse(call, res);
    return new GatewayReply(res.status, res.headers, res.body, call.what);
  }
}
