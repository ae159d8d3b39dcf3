/**
 * A tiny path router for the local gateway: `/v1/internal/store/:collection/:id`
 * patterns, first match wins.
 *
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ValidationError } from '../../errors.js';
import { checkSegment } from '../../http/paths.js';

/** A parsed request as route handlers see it. */
export interface GatewayRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The body as JSON (`{}` when empty). */
  json(): Record<string, unknown>;
}

/** What a handler answers. */
export interface GatewayResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Raw bytes instead of JSON. */
  readonly raw?: Uint8Array;
}

/** A route handler. */
export type RouteHandler = (req: GatewayRequest) => GatewayResponse | Promise<GatewayResponse>;

interface Route {
  readonly method: string;
  readonly parts: readonly string[];
  readonly handler: RouteHandler;
}

/** Routes by method and path pattern. */
export class Router {
  readonly #routes: Route[] = [];

  /** Adds a route; `:name` segments capture (URL-decoded). */
  add(method: string, pattern: string, handler: RouteHandler): this {
    this.#routes.push({ method, parts: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /**
   * The handler and captured params for a request, or `undefined`. A captured
   * segment that decodes to something no client may send (`..`, NUL, a `/`…) is
   * a {@link ValidationError}, as in the clients.
   */
  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | undefined {
    const segs = path.split('/').filter(Boolean);
    for (const r of this.#routes) {
      if (r.method !== method || r.parts.length !== segs.length) continue;
      const params: Record<string, string> = {};
      const ok = r.parts.every((p, i) => {
        const s = segs[i]!;
        if (p.startsWith(':')) {
          params[p.slice(1)] = checkSegment(p.slice(1), decodeSegment(p.slice(1), s));
          return true;
        }
        return p === s;
      });
      if (ok) return { handler: r.handler, params };
    }
    return undefined;
  }
}

function decodeSegment(field: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ValidationError(field, `'${raw}' is not valid percent-encoding`);
  }
}

/** A JSON answer. */
export const reply = (status: number, body?: unknown): GatewayResponse => ({ status, body });
