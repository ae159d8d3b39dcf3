/**
 * `@imperal/sdk/serve`: run an extension as the service the platform calls.
 *
 * ```ts
 * import { serve } from '@imperal/sdk/serve';
 * import { ext } from './extension.js';
 *
 * await serve(ext, { redis: 'redis://127.0.0.1:6379', gatewayUrl, serviceToken });
 * ```
 *
 * Calls arrive over Redis Streams (when `redis` is given) and HTTP; each runs
 * through `runRpcRequest` → `dispatch` with a per-call context. Every option also
 * reads its environment variable (see {@link SERVE_FLAGS}). This entry point is the
 * only one that loads ioredis, pino and prom-client.
 *
 * @module
 */
import type { Extension } from '../core/extension.js';
import { redisReplayGuard } from './auth.js';
import { CallContextFactory } from './call-context.js';
import { createHttpTransport } from './http-wiring.js';
import { Host } from './host.js';
import { createHostLogger, type HostLogger } from './logger.js';
import { createHostMetrics, type HostMetrics } from './metrics.js';
import { resolveServeOptions, secretValues, type ResolvedServeOptions, type ServeOptions } from './options.js';
import { installSignalHandlers } from './signals.js';
import { RedisTransport } from './transports/redis.js';
import type { HttpTransport } from './transports/http.js';
import type { Transport } from './types.js';

export { SERVE_FLAGS, SERVE_DEFAULTS, LOG_LEVELS, resolveServeOptions, redactUrl, type ServeOptions, type ResolvedServeOptions, type FlagSpec, type LogLevelName } from './options.js';
export { Host, DeadlineError, type HostOptions, type CallContexts, type CallScopeLike } from './host.js';
export { RedisTransport, type RedisTransportOptions } from './transports/redis.js';
export { HttpTransport } from './transports/http.js';
export { createHostLogger, secretMasker, type HostLogger, type HostLoggerOptions } from './logger.js';
export { OUTCOME_UNKNOWN } from './redis/records.js';
export { startedKey, doneKey, deadStream } from './redis/keys.js';
export { installSignalHandlers, EXIT_INTERRUPTED, type SignalOptions } from './signals.js';
export type { Transport, TransportName, HostCore, CallOptions, ExecutedCall } from './types.js';

/** Extra wiring for embedders and tests (not flags). */
export interface ServeExtras {
  /** Where log lines go (default stdout). */
  readonly logDestination?: { write(line: string): unknown };
  /** Environment to read flags from (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** The project folder, so `/manifest` merges its hand-written `imperal.json` fields. */
  readonly projectDir?: string;
}

/** A running host. */
export interface ServeHandle {
  readonly host: Host;
  readonly options: ResolvedServeOptions;
  readonly transports: readonly Transport[];
  readonly logger: HostLogger;
  readonly metrics: HostMetrics;
  /** The HTTP transport (its `url` is the bound address, useful with port 0). */
  readonly http: HttpTransport;
  /** The start line that was logged. */
  readonly startLine: string;
  /** Every transport connected and the host not draining (`/readyz`). */
  isReady(): boolean;
  /**
   * Graceful stop: stop taking calls, finish in-flight ones up to `drainTimeoutMs`,
   * push their replies, close. Resolves `drained: false` when the timeout cut it short.
   */
  shutdown(): Promise<{ drained: boolean }>;
}

/** Starts serving `ext`. @throws {@link ValidationError} for a bad option (naming the flag and its variable). */
export async function serve(ext: Extension, options: ServeOptions = {}, extras: ServeExtras = {}): Promise<ServeHandle> {
  const resolved = resolveServeOptions(ext.appId, options, extras.env);
  const logger = createHostLogger({ json: resolved.jsonLogs, level: resolved.logLevel, secrets: secretValues(resolved), destination: extras.logDestination });
  const metrics = createHostMetrics({ appId: ext.appId });
  const contexts = new CallContextFactory({
    ext,
    gatewayUrl: resolved.gatewayUrl,
    serviceToken: resolved.serviceToken,
    logSink: (record) => logger.child({ logger: record.logger })[record.level]({ ...record.fields }, record.message),
  });
  const host = new Host(ext, { workerId: resolved.consumer, contexts, logger, metrics });

  const transports: Transport[] = [];
  let redis: RedisTransport | undefined;
  if (resolved.redis) {
    redis = new RedisTransport(host, {
      url: resolved.redis,
      stream: resolved.stream,
      group: resolved.group,
      consumer: resolved.consumer,
      concurrency: resolved.concurrency,
      replyTtlMs: resolved.replyTtlMs,
      claimIdleMs: resolved.claimIdleMs,
      maxDeliveries: resolved.maxDeliveries,
      logger,
      metrics,
    });
    transports.push(redis);
  }
  const isReady = (): boolean => !host.isDraining() && transports.every((t) => t.isReady());
  const http = createHttpTransport({
    host,
    contexts,
    options: resolved,
    metrics,
    logger,
    ready: isReady,
    // With Redis, call-token replays are refused across every host sharing it.
    ...(redis ? { replayGuard: redisReplayGuard(redis.client) } : {}),
    ...(extras.projectDir ? { projectDir: extras.projectDir } : {}),
  });
  transports.push(http);

  const started: Transport[] = [];
  try {
    for (const t of transports) {
      await t.start();
      started.push(t);
    }
  } catch (error) {
    await Promise.all(started.map((t) => t.close().catch(() => undefined)));
    await contexts.close(0);
    throw error;
  }

  let stopping: Promise<{ drained: boolean }> | undefined;
  const shutdown = (): Promise<{ drained: boolean }> =>
    (stopping ??= (async () => {
      host.beginDrain();
      const until = Date.now() + resolved.drainTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), resolved.drainTimeoutMs);
      });
      const drained = await Promise.race([
        Promise.all(transports.map((t) => t.stopAccepting())).then(() => host.waitIdle(Math.max(0, until - Date.now()))),
        timeout,
      ]);
      clearTimeout(timer);
      if (!drained) logger.warn({ in_flight: host.inFlight }, 'drain timeout: closing with calls still in flight (their entries stay pending for reclaim)');
      await contexts.close(Math.max(0, until - Date.now()));
      await Promise.all(transports.map((t) => t.close().catch(() => undefined)));
      logger.info({ drained }, 'stopped');
      return { drained };
    })());
  if (resolved.handleSignals) installSignalHandlers({ shutdown, logger });

  const startLine = `imperal serve: ${ext.appId} v${ext.version} — ${transports.map((t) => t.describe()).join('; ')}`;
  logger.info({ app_id: ext.appId, version: ext.version, transports: transports.map((t) => t.name), addresses: transports.map((t) => t.describe()), concurrency: resolved.concurrency }, startLine);
  return { host, options: resolved, transports, logger, metrics, http, startLine, isReady, shutdown };
}
export * from './http-api.js';
