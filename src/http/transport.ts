/**
 * The one HTTP transport every real client goes through: undici `request()`
 * over an injected or shared dispatcher, a per-attempt deadline covering the
 * whole exchange (headers and body) combined with the caller's `AbortSignal`,
 * a cap on the response size, and retries with capped, jittered backoff.
 *
 * It never maps statuses to errors (that is the gateway layer's job, and
 * `ctx.http` must not do it); it only throws for transport failures.
 *
 * @module
 */
import type { Dispatcher, FormData } from 'undici';
import { undici } from '../lazy.js';
import { APIConnectionError, APITimeoutError, ImperalError, ResponseTooLargeError, ValidationError } from '../errors.js';
import { DEFAULT_RETRY, RETRYABLE_STATUSES, backoffDelay, parseRetryAfter, sleep, type RetryPolicy } from './retry.js';

/** HTTP methods the clients use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** One request as the transport sends it. */
export interface TransportRequest {
  readonly method: HttpMethod;
  /** Absolute URL. */
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | FormData | null;
  /** Deadline of each attempt in milliseconds, for the whole exchange: connecting, headers and the last body byte. */
  readonly timeoutMs: number;
  /** Largest response body accepted, in bytes (default {@link DEFAULT_MAX_RESPONSE_BYTES}). */
  readonly maxResponseBytes?: number | undefined;
  /** The caller's cancellation; aborting it is never retried. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Whether sending this request twice is harmless (GET/PUT/DELETE, read-only
   * POSTs, or a POST carrying an idempotency key). Only such requests are retried.
   */
  readonly retryable: boolean;
  /** Overrides the transport's retry count for this request. */
  readonly maxRetries?: number | undefined;
}

/** Default cap of a response body: 10 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * Checks a `maxResponseBytes` option (`undefined` → `fallback`).
 *
 * @throws {@link ValidationError} unless it is a positive whole number of bytes.
 */
export function checkMaxResponseBytes(value: unknown, fallback = DEFAULT_MAX_RESPONSE_BYTES): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError('maxResponseBytes', `must be a whole number of bytes > 0, e.g. ${DEFAULT_MAX_RESPONSE_BYTES} (got ${String(value)})`);
  }
  return value;
}

/** Marks the per-attempt deadline as the reason of an abort. */
class DeadlineExpired extends Error {}

/** A fully read response. Header names are lower-case; repeated headers are comma-joined. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** Options of a {@link Transport}. */
export interface TransportOptions {
  /** Where requests go (a `Pool`, an `Agent`, a `MockAgent`…), or a function making it on the first request. */
  readonly dispatcher: Dispatcher | (() => Dispatcher);
  /** Retry policy overrides (tests use tiny delays). */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Randomness for jitter (injectable for tests). */
  readonly random?: (() => number) | undefined;
}

/** A response whose status asked for a retry, kept so the last one can be returned. */
interface RetryableOutcome {
  readonly response?: TransportResponse;
  readonly error?: unknown;
  readonly waitMs?: number;
}

/** Sends requests with deadlines and retries over one dispatcher. */
export class Transport {
  readonly retry: RetryPolicy;
  readonly #random: () => number;
  #dispatcher: Dispatcher | (() => Dispatcher);

  constructor(options: TransportOptions) {
    this.#dispatcher = options.dispatcher;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#random = options.random ?? Math.random;
  }

  /** Where requests go; a shared pool is only made (and undici only loaded) when the first request needs it. */
  get dispatcher(): Dispatcher {
    if (typeof this.#dispatcher === 'function') this.#dispatcher = this.#dispatcher();
    return this.#dispatcher;
  }

  /**
   * Sends `req`, retrying transient failures of retryable requests. Resolves
   * with the last response (any status); rejects with {@link APITimeoutError},
   * {@link APIConnectionError} or the caller's abort reason.
   */
  async send(req: TransportRequest): Promise<TransportResponse> {
    const maxRetries = req.retryable ? (req.maxRetries ?? this.retry.maxRetries) : 0;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt(req);
      const last = attempt >= maxRetries;
      if (outcome.response && (last || !RETRYABLE_STATUSES.has(outcome.response.status))) return outcome.response;
      if (outcome.error !== undefined && last) throw outcome.error;
      const waitMs = outcome.waitMs ?? backoffDelay(this.retry, attempt + 1, this.#random);
      if (waitMs > this.retry.maxRetryAfterMs) {
        // The server wants a longer pause than we may take: hand its answer back.
        if (outcome.response) return outcome.response;
        throw outcome.error;
      }
      await sleep(waitMs, req.signal);
    }
  }

  async #attempt(req: TransportRequest): Promise<RetryableOutcome> {
    req.signal?.throwIfAborted();
    // One timer bounds the whole exchange: undici's own timers restart on every body
    // chunk, so a server trickling a byte at a time could stretch them without end.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlineExpired()), req.timeoutMs);
    const onAbort = (): void => deadline.abort(req.signal?.reason);
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const what = `${req.method} ${req.url.pathname}`;
    try {
      const res = await undici().request(req.url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req.body ?? null,
        signal: deadline.signal,
        dispatcher: this.dispatcher,
        headersTimeout: req.timeoutMs,
        bodyTimeout: req.timeoutMs,
      });
      const body = await readBounded(res, req.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, what);
      const headers = flattenHeaders(res.headers);
      const response: TransportResponse = { status: res.statusCode, headers, body };
      const retryAfter = parseRetryAfter(headers);
      return retryAfter === undefined ? { response } : { response, waitMs: retryAfter };
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason;
      // Typed refusals (size cap, SSRF guard) are final: another attempt would meet them again.
      const typed = typedCause(err);
      if (typed) throw typed;
      if (deadline.signal.aborted || TIMEOUT_CODES.has((err as { code?: string }).code ?? '')) {
        return { error: new APITimeoutError(`${what} timed out after ${req.timeoutMs} ms`, req.timeoutMs, { cause: err }) };
      }
      return { error: new APIConnectionError(`${what} failed: ${describe(err)}`, { cause: err }) };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * Reads a body, counting bytes as they arrive: past `limit` the stream is
 * destroyed (undici drops the connection) and nothing read is kept, so memory
 * never grows much beyond the cap whatever the upstream sends.
 */
async function readBounded(res: Dispatcher.ResponseData, limit: number, what: string): Promise<Uint8Array> {
  const tooLarge = (): ResponseTooLargeError => {
    res.body.destroy();
    return new ResponseTooLargeError(what, limit, res.statusCode);
  };
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  // A declared length within the cap bounds the body (HTTP/1.1 framing: undici reads no
  // more than it): undici's own reader is then the quick way to the bytes.
  if (Number.isFinite(declared) && res.headers['transfer-encoding'] === undefined) return new Uint8Array(await res.body.arrayBuffer());
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > limit) {
      chunks.length = 0;
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

/** An SDK error thrown below undici (e.g. by the SSRF connector), found on the error or its causes. */
function typedCause(err: unknown): ImperalError | undefined {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e instanceof ImperalError) return e;
  }
  return undefined;
}

/** undici error codes of an expired per-request timer. */
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** undici header values may be arrays; the SDK exposes one string per name. */
export function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${err.message})` : err.message;
  }
  return String(err);
}
