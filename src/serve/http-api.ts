/**
 * The public pieces of the HTTP side of the host, for `@imperal/sdk/serve`
 * (re-exported by its index): the `/v1/rpc` credential check, the replay guards,
 * per-call contexts, the background-task runner, the metrics and the manifest text.
 *
 * @module
 */
export {
  createRpcAuth,
  memoryReplayCache,
  redisReplayGuard,
  ReplayCacheFullError,
  DEFAULT_REPLAY_CACHE_ENTRIES,
  type RpcAuth,
  type RpcAuthOptions,
  type AuthResult,
  type Caller,
  type ReplayGuard,
  type RedisSetNx,
} from './auth.js';
export { CallContextFactory, contextKindOf, identityOf, DEFAULT_GATEWAY_CONNECTIONS, type CallContextFactoryOptions, type CallScope, type CallExtras } from './call-context.js';
export { HostBackgroundRunner, CallTasks, DEFAULT_MAX_BACKGROUND_TASKS, type TaskDelivery, type TaskOutcome, type HostBackgroundRunnerOptions } from './background-runner.js';
export { createHostMetrics, DEFAULT_MAX_FUNCTION_LABELS, OTHER_FUNCTION_LABEL, DURATION_BUCKETS, type HostMetrics, type HostMetricsOptions, type CallOutcome } from './metrics.js';
export { manifestText } from './manifest.js';
export { createHttpTransport, type HttpWiring } from './http-wiring.js';
export {
  DEFAULT_MAX_BODY,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  DEFAULT_HEALTH_TIMEOUT_MS,
  DEFAULT_HTTP_MAX_IN_FLIGHT,
  type HttpTransportOptions,
  type TransportLogger,
} from './transports/http.js';
