/**
 * `LocalGateway`: an in-process HTTP server implementing, in memory, every
 * gateway route the real `ctx` clients call. It proves the clients in tests
 * and will back `imperal dev`. Listens on 127.0.0.1 only.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ExtensionLike } from '../../context/extension-like.js';
import { AuthError, ConflictError, ImperalError, NotFoundError, ValidationError } from '../../errors.js';
import type { Clock } from '../clock.js';
import { PlatformState } from '../engine/platform.js';
import type { GatewayCredentials } from './auth.js';
import { platformRoutes, type ExtensionLookup } from './routes-platform.js';
import { storageRoutes } from './routes-storage.js';
import { storeRoutes } from './routes-store.js';
import { Router, type GatewayRequest, type GatewayResponse } from './router.js';

/** A request as the gateway recorded it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** Path and query exactly as sent (percent-encoding preserved). */
  readonly rawUrl: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * A fault a test injects: `hang` never answers, `stall-body` sends the headers
 * and half the body and then stalls, `reset` destroys the socket,
 * `process-then-reset` does the work and then drops the connection (a lost
 * answer), a response object is sent instead of the real answer; `undefined` passes through.
 */
export type Fault = 'hang' | 'stall-body' | 'reset' | 'process-then-reset' | GatewayResponse | undefined;

/** Decides, per request, whether to inject a fault. */
export type FaultInjector = (req: RecordedRequest) => Fault;

/** Options of a {@link LocalGateway}. */
export interface LocalGatewayOptions {
  /** Share state with MockContexts (default: a fresh platform on a FakeClock). */
  readonly platform?: PlatformState;
  readonly clock?: Clock;
  /** Accepted service token (any non-empty token when unset). */
  readonly serviceToken?: string;
  /** Verify call tokens on skeleton/cache routes with this secret. */
  readonly callTokenSecret?: string;
  /** Extensions whose declared secrets `GET /v1/secrets/{app}` lists. */
  readonly extensions?: readonly ExtensionLike[];
  /** Called after each routed request with its answer (`imperal dev` persists state and streams changes from it). */
  readonly onResponse?: (req: RecordedRequest, res: GatewayResponse) => void;
}

/** The error status of an SDK error raised inside a route. */
function errorResponse(err: unknown): GatewayResponse {
  if (err instanceof AuthError) return { status: 401, body: { detail: err.message } };
  if (err instanceof NotFoundError) return { status: 404, body: { detail: err.message } };
  if (err instanceof ConflictError) return { status: 409, body: { detail: { message: err.message, expected_etag: err.expectedEtag, current_etag: err.currentEtag } } };
  if (err instanceof ValidationError) return { status: 422, body: { detail: err.issues.map((i) => ({ loc: ['body', ...i.path.split('.').filter(Boolean)], msg: i.message, type: 'value_error' })) } };
  if (err instanceof ImperalError) return { status: 400, body: { detail: err.message } };
  return { status: 500, body: { detail: 'internal error' } };
}

/** The in-memory gateway. */
export class LocalGateway {
  readonly platform: PlatformState;
  readonly #router = new Router();
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #requests: RecordedRequest[] = [];
  readonly #idempotent = new Map<string, GatewayResponse>();
  #fault: FaultInjector | undefined;
  readonly #onResponse: ((req: RecordedRequest, res: GatewayResponse) => void) | undefined;
  #url = '';

  constructor(options: LocalGatewayOptions = {}) {
    this.platform = options.platform ?? new PlatformState(options.clock ? { clock: options.clock } : {});
    const creds: GatewayCredentials = { serviceToken: options.serviceToken, callTokenSecret: options.callTokenSecret, now: () => this.platform.clock.now() };
    // Looked up per request: an extension's app id may only be known once it has loaded (`imperal dev`).
    const list = options.extensions ?? [];
    const extensions: ExtensionLookup = { get: (appId) => list.find((e) => e.appId === appId) };
    this.#onResponse = options.onResponse;
    storeRoutes(this.#router, this.platform, creds);
    storageRoutes(this.#router, this.platform, creds);
    platformRoutes(this.#router, this.platform, creds, extensions);
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (s) => {
      this.#sockets.add(s);
      s.on('close', () => this.#sockets.delete(s));
    });
  }

  /** Starts listening on 127.0.0.1 (port 0 unless given) and returns the base URL. */
  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this.#url;
  }

  /** Base URL (after {@link start}). */
  get url(): string {
    if (!this.#url) throw new Error('LocalGateway: call start() first');
    return this.#url;
  }

  /** Stops the server and drops open connections. */
  async stop(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Every request received, in order. */
  get requests(): readonly RecordedRequest[] {
    return [...this.#requests];
  }

  /** Forgets recorded requests. */
  clearRequests(): void {
    this.#requests.length = 0;
  }

  /** Installs (or, with `undefined`, removes) a fault injector. */
  injectFaults(injector: FaultInjector | undefined): void {
    this.#fault = injector;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, rawUrl: req.url ?? '/', query: Object.fromEntries(url.searchParams), headers, body };
    this.#requests.push(recorded);
    const fault = this.#fault?.(recorded);
    if (fault === 'hang') return;
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    const out = typeof fault === 'object' ? fault : await this.#route(recorded, req, url, body);
    if (fault === 'process-then-reset') {
      req.socket.destroy();
      return;
    }
    this.#send(res, out, fault === 'stall-body');
  }

  async #route(recorded: RecordedRequest, req: IncomingMessage, url: URL, body: Buffer): Promise<GatewayResponse> {
    let match: ReturnType<Router['match']>;
    try {
      match = this.#router.match(recorded.method, url.pathname);
    } catch (err) {
      return errorResponse(err);
    }
    if (!match) return { status: 404, body: { detail: `no route ${recorded.method} ${url.pathname}` } };
    const key = recorded.headers['idempotency-key'];
    const dedupeKey = key ? `${recorded.method} ${url.pathname} ${key}` : '';
    const seen = dedupeKey ? this.#idempotent.get(dedupeKey) : undefined;
    if (seen) return seen;
    const greq: GatewayRequest = {
      method: recorded.method,
      path: url.pathname,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body,
      json: () => {
        if (body.byteLength === 0) return {};
        try {
          return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        } catch {
          throw new ValidationError('body', 'malformed JSON');
        }
      },
    };
    let out: GatewayResponse;
    try {
      out = await match.handler(greq);
    } catch (err) {
      out = errorResponse(err);
    }
    if (dedupeKey && out.status < 500) this.#idempotent.set(dedupeKey, out);
    try {
      this.#onResponse?.(recorded, out);
    } catch {
      // An observer's failure must not change the answer.
    }
    return out;
  }

  #send(res: ServerResponse, out: GatewayResponse, stall = false): void {
    const raw = out.raw ?? (out.body === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(out.body)));
    const type = out.raw ? 'application/octet-stream' : 'application/json';
    res.writeHead(out.status, { 'content-type': type, 'content-length': String(raw.byteLength), ...out.headers });
    if (stall) {
      res.flushHeaders();
      res.write(raw.subarray(0, raw.byteLength >> 1));
    }
    else res.end(raw);
  }
}
