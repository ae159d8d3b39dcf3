/**
 * The pooled dispatchers the real clients share when none is injected: one
 * keep-alive `Pool` per gateway origin, and one redirect-following `Agent` for
 * `ctx.http` egress. This is the SDK's only process-wide cache; it holds
 * connections, never data.
 *
 * @module
 */
import type { Dispatcher, Pool } from 'undici';
import { undici } from '../lazy.js';

const pools = new Map<string, Pool>();
let egress: Dispatcher | undefined;

/** Connections per gateway origin (the platform's own client uses 50). */
const POOL_CONNECTIONS = 50;
/** How long an idle connection is kept open. */
const KEEP_ALIVE_MS = 30_000;

/** The shared keep-alive pool for `origin` (`scheme://host:port`), created on first use. */
export function gatewayDispatcher(origin: string): Dispatcher {
  const key = new URL(origin).origin;
  let pool = pools.get(key);
  if (!pool || pool.closed || pool.destroyed) {
    pool = new (undici().Pool)(key, { connections: POOL_CONNECTIONS, keepAliveTimeout: KEEP_ALIVE_MS });
    pools.set(key, pool);
  }
  return pool;
}

/** Adds redirect following (at most `maxRedirections` hops) to any dispatcher. */
export function withRedirects(dispatcher: Dispatcher, maxRedirections: number): Dispatcher {
  return dispatcher.compose(undici().interceptors.redirect({ maxRedirections }));
}

/** The shared egress agent of `ctx.http`: any origin, at most 5 redirects. */
export function egressDispatcher(): Dispatcher {
  egress ??= withRedirects(new (undici().Agent)({ keepAliveTimeout: KEEP_ALIVE_MS }), 5);
  return egress;
}

/** Closes every shared pool (for graceful shutdown and test teardown). */
export async function closeSharedDispatchers(): Promise<void> {
  const all: Dispatcher[] = [...pools.values()];
  if (egress) all.push(egress);
  pools.clear();
  egress = undefined;
  await Promise.all(all.map((d) => d.close().catch(() => undefined)));
}
