/**
 * ioredis connections for the host: reconnect forever with capped, jittered
 * backoff; commands wait (in ioredis' offline queue) while the link is down
 * instead of failing, so a reply computed during an outage is still pushed
 * once Redis is back.
 *
 * @module
 */
import { Redis } from 'ioredis';
import type { HostLogger } from '../logger.js';
import { redactUrl } from '../options.js';

/** Backoff before reconnect attempt `times` (1, 2, …): 100 ms doubling to 3 s, ±20 % jitter. */
export function reconnectDelay(times: number): number {
  const base = Math.min(100 * 2 ** Math.min(times - 1, 5), 3000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Options of {@link openRedis}. */
export interface OpenRedisOptions {
  readonly url: string;
  /** Names the connection in `CLIENT LIST`. */
  readonly name: string;
  readonly logger?: HostLogger;
  /** Batch concurrent commands into one round trip. */
  readonly autoPipelining?: boolean;
}

/** A lazily connected client that logs each change of link state once. */
export function openRedis(options: OpenRedisOptions): Redis {
  const client = new Redis(options.url, {
    lazyConnect: true,
    connectionName: options.name,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    enableAutoPipelining: options.autoPipelining ?? false,
    retryStrategy: reconnectDelay,
  });
  const where = redactUrl(options.url);
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) options.logger?.warn({ redis: where, connection: options.name, err: error.message }, 'redis error');
    down = true;
  });
  client.on('close', () => {
    if (!down) options.logger?.warn({ redis: where, connection: options.name }, 'redis connection lost; reconnecting');
    down = true;
  });
  client.on('ready', () => {
    if (down) options.logger?.info({ redis: where, connection: options.name }, 'redis connection back');
    down = false;
  });
  return client;
}

/** Closes `client` politely, or at once when Redis does not answer within `ms`. */
export async function closeRedis(client: Redis, ms = 1000): Promise<void> {
  if (client.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.quit().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
  client.disconnect();
}
