/**
 * The pooled dispatchers the real clients share when none is injected: one
 * keep-alive `Pool` per gateway origin, and SSRF-guarded `Agent`s for
 * `ctx.http` egress (one per private-network policy). This is the SDK's only
 * process-wide cache of connections; it holds no data.
 *
 * @module
 */
import { isIP } from 'node:net';
import type { Agent, Dispatcher, Pool, buildConnector } from 'undici';
import { undici } from '../lazy.js';
import { PrivateNetworkError } from '../errors.js';
import { GUARDED, allowsAddress, guardedLookup, type PrivateNetworkPolicy } from './ssrf.js';

const pools = new Map<string, Pool>();
/** One egress agent per private-network policy (most processes only ever use the guarded one). */
const egress = new Map<string, Agent>();
/** Distinct policies kept at once; the oldest agent is closed (gracefully) beyond this. */
const MAX_EGRESS_AGENTS = 16;

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

/**
 * The shared egress agent of `ctx.http` for `policy`. Every connection it opens
 * goes through the SSRF guard: IP literals are checked directly, names after DNS
 * resolution (so the address actually connected to is the one checked).
 * Redirects are followed by the `ctx.http` client itself, hop by hop.
 */
export function egressDispatcher(policy: PrivateNetworkPolicy = GUARDED): Dispatcher {
  let agent = egress.get(policy.key);
  if (!agent || agent.closed || agent.destroyed) {
    const base = undici().buildConnector({ lookup: guardedLookup(policy) } as buildConnector.BuildOptions);
    const connect: buildConnector.connector = (opts, callback) => {
      const host = opts.hostname.replace(/^\[(.*)\]$/, '$1');
      if (isIP(host) !== 0 && !allowsAddress(policy, host, host)) {
        callback(new PrivateNetworkError(host, host), null);
        return;
      }
      return base(opts, callback);
    };
    agent = new (undici().Agent)({ keepAliveTimeout: KEEP_ALIVE_MS, connect });
    egress.set(policy.key, agent);
    if (egress.size > MAX_EGRESS_AGENTS) {
      const [oldestKey, oldest] = egress.entries().next().value as [string, Agent];
      egress.delete(oldestKey);
      void oldest.close().catch(() => undefined);
    }
  }
  return agent;
}

/** Closes every shared pool (for graceful shutdown and test teardown). */
export async function closeSharedDispatchers(): Promise<void> {
  const all: Dispatcher[] = [...pools.values(), ...egress.values()];
  pools.clear();
  egress.clear();
  await Promise.all(all.map((d) => d.close().catch(() => undefined)));
}
