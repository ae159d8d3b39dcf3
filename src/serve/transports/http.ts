/**
 * The HTTP transport (node:http): `POST /v1/rpc` (an envelope v1 in, its reply out),
 * the extension's webhooks, and the operational routes `/healthz`, `/readyz`,
 * `/manifest` and `/metrics`.
 *
 * `/v1/rpc` refuses before any handler runs, in this order: 401 (missing, bad,
 * expired or replayed credentials — checked before the body is read), 413 (body over
 * `maxBody`), 415 (not JSON), 401 again when the credential's user is not the
 * envelope's `user_id`. Every envelope that is read gets a reply with status 200,
 * error replies included; the call itself runs in the host core.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from '../../context/context.js';
import { dispatch } from '../../core/dispatch.js';
import { decodeRequest, encodeReply, type RpcReply, type RpcRequest } from '../../rpc/envelope.js';
import { buildErrorReply, nowNs } from '../../rpc/replies.js';
import type { HealthStatusDict } from '../../types/health.js';
import type { WebhookResponseDict } from '../../types/webhook.js';
import type { AuthResult, Caller, RpcAuth } from '../auth.js';
import type { HostMetrics } from '../metrics.js';
import type { HostCore, Transport } from '../types.js';
import { BodyAborted, BodyTooLarge, isJsonContentType, plainHeaders, readBody, refuse, send, sendJson } from './http-io.js';

/** Default largest request body (1 MiB). */
export const DEFAULT_MAX_BODY = 1024 * 1024;
/** Default time a webhook handler may take before the sender gets 504. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 30_000;
/** Default time the health check may take before `/healthz` answers 503. */
export const DEFAULT_HEALTH_TIMEOUT_MS = 10_000;
/** Default most `/v1/rpc` calls running at once through this transport (beyond: 503 with `retry-after`). */
export const DEFAULT_HTTP_MAX_IN_FLIGHT = 64;
/** How long `close()` lets open requests finish before their connections are cut. */
export const CLOSE_GRACE_MS = 5_000;

/** The logging calls the transport makes (a pino logger fits). */
export interface TransportLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Options of {@link HttpTransport}. */
export interface HttpTransportOptions {
  readonly host: HostCore;
  /** Contexts for webhooks and the health check (calls without an envelope). */
  readonly contexts: { forSurface(kind: 'webhook' | 'system', signal?: AbortSignal): Context };
  readonly auth: RpcAuth;
  /** Where to listen (port 0 picks a free one; see {@link HttpTransport.url}). */
  readonly listen: { readonly host: string; readonly port: number };
  /** Largest body of `/v1/rpc` and webhooks in bytes (default {@link DEFAULT_MAX_BODY}). */
  readonly maxBody?: number;
  /** Most `/v1/rpc` calls running at once (default {@link DEFAULT_HTTP_MAX_IN_FLIGHT}; `--concurrency`). */
  readonly maxInFlight?: number;
  readonly metrics?: HostMetrics;
  readonly logger?: TransportLogger;
  /** The `imperal.json` text `GET /manifest` serves (computed once, on first request). */
  readonly manifest?: () => string;
  /** Whether the whole host is ready (every configured transport connected, not draining). Default: this transport alone. */
  readonly ready?: () => boolean;
  readonly webhookTimeoutMs?: number;
  readonly healthTimeoutMs?: number;
}

const WEBHOOK_ROUTE = /^\/v1\/ext\/([^/]+)\/webhook(\/.*)?$/;

/** The HTTP transport (see the module docs). */
export class HttpTransport implements Transport {
  readonly name = 'http' as const;
  readonly #o: HttpTransportOptions;
  readonly #server: Server;
  readonly #maxBody: number;
  readonly #maxInFlight: number;
  #inFlight = 0;
  #listening = false;
  #accepting = false;
  #manifest: string | undefined;
  #url = '';

  constructor(options: HttpTransportOptions) {
    this.#o = options;
    this.#maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
    this.#maxInFlight = options.maxInFlight ?? DEFAULT_HTTP_MAX_IN_FLIGHT;
    this.#server = createServer((req, res) => {
      const failed = (error: unknown): void => {
        this.#o.logger?.error({ err: error instanceof Error ? error.message : 'unknown', path: req.url }, 'HTTP request failed in the host');
        if (!res.headersSent) refuse(res, 500, 'internal error');
        else res.destroy();
      };
      try {
        // The platform's calls skip the general router (one asynchronous step less per call).
        const rpc = req.method === 'POST' && this.#listening && (req.url === '/v1/rpc' || req.url?.startsWith('/v1/rpc?') === true);
        (rpc ? this.#rpc(req, res) : this.#handle(req, res))?.catch(failed);
      } catch (error) {
        failed(error);
      }
    });
    // Bounded slow clients: headers within 10 s, a whole request within 60 s.
    this.#server.headersTimeout = 10_000;
    this.#server.requestTimeout = 60_000;
  }

  /** `http://host:port` once listening. */
  get url(): string {
    return this.#url;
  }

  async start(): Promise<void> {
    const { host, port } = this.#o.listen;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.#server.once('error', onError);
      this.#server.listen(port, host, () => {
        this.#server.off('error', onError);
        resolve();
      });
    });
    const address = this.#server.address() as AddressInfo;
    this.#url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    this.#listening = true;
    this.#accepting = true;
    const auth = this.#o.auth;
    if (auth.description.includes('insecure')) {
      this.#o.logger?.warn({ url: this.#url }, '--insecure: /v1/rpc accepts calls WITHOUT authentication; never expose this host beyond a development machine');
    } else if (!auth.configured) {
      this.#o.logger?.warn({ url: this.#url }, '/v1/rpc refuses every call: no --call-token-secret or --jwks-url configured');
    }
  }

  async stopAccepting(): Promise<void> {
    // The listener stays open: probes must see 503 and in-flight answers must go out.
    this.#accepting = false;
  }

  async close(): Promise<void> {
    this.#accepting = false;
    if (!this.#listening) return;
    this.#listening = false;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    const grace = setTimeout(() => this.#server.closeAllConnections(), CLOSE_GRACE_MS);
    await closed;
    clearTimeout(grace);
  }

  isReady(): boolean {
    return this.#listening && this.#accepting;
  }

  describe(): string {
    return `${this.#url || `http://${this.#o.listen.host}:${this.#o.listen.port}`} (rpc auth: ${this.#o.auth.description})`;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // After close() began, each answer ends its connection (no keep-alive past shutdown).
    if (!this.#listening) res.setHeader('connection', 'close');
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (path === '/v1/rpc') return req.method === 'POST' ? this.#rpc(req, res) : this.#refuse(res, 405, 'use POST /v1/rpc', { allow: 'POST' });
    const hook = WEBHOOK_ROUTE.exec(path);
    if (hook) return this.#webhook(req, res, safeDecode(hook[1]!), hook[2] ?? '/');
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.#refuse(res, 405, `${req.method ?? ''} ${path} is not allowed`, { allow: 'GET' });
    switch (path) {
      case '/healthz':
        return this.#health(res);
      case '/readyz': {
        const ready = (this.#o.ready ?? (() => this.isReady() && !this.#o.host.isDraining()))();
        return sendJson(res, ready ? 200 : 503, { ready, draining: this.#o.host.isDraining(), in_flight: this.#o.host.inFlight });
      }
      case '/manifest':
        if (!this.#o.manifest) return this.#refuse(res, 404, 'this host serves no manifest');
        this.#manifest ??= this.#o.manifest();
        return send(res, 200, this.#manifest, { 'content-type': 'application/json' });
      case '/metrics':
        if (!this.#o.metrics) return this.#refuse(res, 404, 'metrics are off');
        return send(res, 200, await this.#o.metrics.render(), { 'content-type': this.#o.metrics.contentType });
      default:
        return this.#refuse(res, 404, `no route ${path}`);
    }
  }

  #refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): undefined {
    if (status !== 404) this.#o.metrics?.httpRefused(status);
    refuse(res, status, message, headers);
  }

  /** Reads the body within the limit; answers 413 (or drops an aborted request) and returns null. */
  async #body(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
    try {
      return await readBody(req, this.#maxBody);
    } catch (error) {
      return this.#bodyFailed(res, error);
    }
  }

  /** A body too large gets 413; an aborted one is dropped (nobody is listening); anything else is rethrown. */
  #bodyFailed(res: ServerResponse, error: unknown): null {
    if (error instanceof BodyTooLarge) this.#refuse(res, 413, `request body exceeds --max-body (${this.#maxBody} bytes)`);
    else if (!(error instanceof BodyAborted)) throw error;
    return null;
  }

  /** Checks the credential (before the body is read) and takes a call slot. */
  #rpc(req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
    const checked = this.#o.auth.authenticate(req.headers.authorization);
    return checked instanceof Promise ? checked.then((auth) => this.#rpcAdmitted(req, res, auth)) : this.#rpcAdmitted(req, res, checked);
  }

  #rpcAdmitted(req: IncomingMessage, res: ServerResponse, auth: AuthResult): Promise<void> | undefined {
    if (!auth.ok) return this.#refuse(res, auth.status, auth.message, auth.status === 401 ? { 'www-authenticate': 'ImperalCallToken, Bearer' } : {});
    if (!this.#accepting) return this.#refuse(res, 503, 'the host is shutting down; retry on another host', { 'retry-after': '1' });
    if (this.#inFlight >= this.#maxInFlight) return this.#refuse(res, 503, `the host is running ${this.#maxInFlight} calls (--concurrency); retry shortly`, { 'retry-after': '1' });
    // The slot is held from here (body read included) until the reply is written; #rpcCall gives it back.
    this.#inFlight++;
    return this.#rpcCall(req, res, auth.caller);
  }

  async #rpcCall(req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void> {
    try {
      let body: Buffer;
      try {
        body = await readBody(req, this.#maxBody);
      } catch (error) {
        this.#bodyFailed(res, error);
        return;
      }
      if (!isJsonContentType(req.headers['content-type'])) return this.#refuse(res, 415, "send the envelope as 'content-type: application/json'");
      const text = body.toString('utf8');
      let request: RpcRequest;
      try {
        request = decodeRequest(text).value;
      } catch (error) {
        // Only a body that failed to decode is parsed again, to tell "not JSON" (415) from "not an envelope".
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return this.#refuse(res, 415, 'the body is not JSON');
        }
        const corrId = typeof (parsed as { corr_id?: unknown } | null)?.corr_id === 'string' ? (parsed as { corr_id: string }).corr_id : '';
        const message = error instanceof Error ? error.message : 'invalid envelope';
        const reply = buildErrorReply({ corrId, category: 'schema_violation', message, retryable: false, workerId: this.#o.host.workerId, startedAtNs: nowNs() });
        return send(res, 200, looseReplyJson(reply), { 'content-type': 'application/json' });
      }
      const mismatch = this.#o.auth.mismatch(caller, request.user_id);
      if (mismatch) return this.#refuse(res, 401, mismatch);
      if (caller.identity) {
        // A user's JWT proves who they are, not what the envelope claims for them.
        const id = caller.identity;
        request = { ...request, email: id.email, role: id.role, scopes: [...id.scopes], tenant_id: id.tenantId };
      }
      const call = await this.#o.host.run(request, 'http', caller.callToken ? { callToken: caller.callToken } : {});
      // Background tasks start once the reply has left; a client gone before that drops them.
      // 'close' follows every answer: finished, it was delivered; not, the client went first.
      // A call with no tasks waiting has nothing to hold back (tasks it schedules later start at once).
      if (res.destroyed) {
        // The client went away while the call ran ('close' has already fired): nobody gets the reply.
        call.abandoned();
        return;
      }
      if (call.hasBackgroundTasks()) res.once('close', () => (res.writableFinished ? call.replied() : call.abandoned()));
      send(res, 200, encodeReply(call.reply), { 'content-type': 'application/json' });
      if (!call.hasBackgroundTasks()) call.replied();
    } finally {
      this.#inFlight--;
    }
  }

  async #webhook(req: IncomingMessage, res: ServerResponse, appId: string, path: string): Promise<void> {
    const ext = this.#o.host.ext;
    if (appId !== ext.appId) return this.#refuse(res, 404, `this host serves '${ext.appId}', not '${appId}'`);
    if (!this.#accepting) return this.#refuse(res, 503, 'the host is shutting down; retry later', { 'retry-after': '1' });
    const body = await this.#body(req, res);
    if (body === null) return;
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://host').searchParams);
    const controller = new AbortController();
    const ctx = this.#o.contexts.forSurface('webhook', controller.signal);
    const limit = this.#o.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    const answer = await withTimeout(
      dispatch(ext, { kind: 'webhook', path, request: { method: req.method ?? 'POST', headers: plainHeaders(req), body, query, path } }, ctx),
      limit,
      controller,
    );
    if (answer === TIMED_OUT) return this.#refuse(res, 504, `the webhook handler did not answer within ${limit} ms`);
    this.#sendWebhook(res, answer);
  }

  #sendWebhook(res: ServerResponse, answer: WebhookResponseDict): void {
    const status = Number.isInteger(answer.status_code) && answer.status_code >= 200 && answer.status_code <= 599 ? answer.status_code : 500;
    const headers: Record<string, string> = { ...answer.headers };
    const has = (name: string): boolean => Object.keys(headers).some((k) => k.toLowerCase() === name);
    let bytes: Uint8Array;
    if (typeof answer.body === 'string') {
      bytes = Buffer.from(answer.body, 'utf8');
      if (!has('content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
    } else if (answer.body instanceof Uint8Array) {
      bytes = answer.body;
    } else {
      bytes = Buffer.from(JSON.stringify(answer.body ?? null), 'utf8');
      if (!has('content-type')) headers['content-type'] = 'application/json';
    }
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-length' || k.toLowerCase() === 'transfer-encoding') delete headers[k];
    try {
      send(res, status, bytes, headers);
    } catch (error) {
      // An invalid header name or value from the handler: a clear 500, never a crash.
      this.#o.logger?.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'webhook response had invalid headers');
      refuse(res, 500, 'the webhook handler answered with an invalid header');
    }
  }

  async #health(res: ServerResponse): Promise<void> {
    const controller = new AbortController();
    const ctx = this.#o.contexts.forSurface('system', controller.signal);
    const limit = this.#o.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
    const health = await withTimeout(dispatch(this.#o.host.ext, { kind: 'health' }, ctx), limit, controller);
    const dict: HealthStatusDict = health === TIMED_OUT ? { status: 'unhealthy', message: `health check did not answer within ${limit} ms`, details: {} } : health;
    sendJson(res, dict.status === 'unhealthy' ? 503 : 200, dict);
  }
}

const TIMED_OUT = Symbol('timed out');

/** `decodeURIComponent`, or the text as is when it is not valid percent-encoding. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The reply's JSON even when the reply schema would refuse it (a request whose own
 * `corr_id` is invalid): every envelope that was read is answered.
 */
function looseReplyJson(reply: RpcReply): string {
  try {
    return encodeReply(reply);
  } catch {
    const marker = '\u0000ns:';
    const text = JSON.stringify(reply, (_k, v: unknown) => (typeof v === 'bigint' ? `${marker}${v}` : v));
    return text.replace(/"\\u0000ns:(-?\d+)"/g, '$1');
  }
}

/** `work`'s value, or {@link TIMED_OUT} after `ms` (aborting `controller`; a late value is dropped). */
async function withTimeout<T>(work: Promise<T>, ms: number, controller: AbortController): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timed out after ${ms} ms`));
      resolve(TIMED_OUT);
    }, ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
