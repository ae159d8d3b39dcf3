/**
 * The handler context (`ctx`) and its clients.
 *
 * @module
 */
export type {
  Context,
  ContextClients,
  ContextKind,
  ContextByKind,
  AnyContext,
  ChatContext,
  ToolContext,
  PanelContext,
  SkeletonContext,
  SystemContext,
  WebhookContext,
} from './context.js';
export { User, scopeAllows, makeTenant, SYSTEM_USER_ID, WEBHOOK_USER_ID, type IdentityInit, type Tenant } from './identity.js';
export { createContext, type CreateContextOptions } from './factory.js';
export { ContextImpl, buildContext, type ClientSet, type ContextParts, type ProgressCallback } from './runtime.js';
export { createLogger, stderrSink, type ContextLogger, type LogLevel, type LogLevelName, type LogRecord, type LogSink } from './logger.js';
export {
  BACKGROUND_TASK_TIMEOUT_MS,
  BACKGROUND_TASK_LONG_TIMEOUT_MS,
  type BackgroundTask,
  type BackgroundTaskFn,
  type BackgroundTaskOptions,
  type BackgroundTaskRunner,
} from './background.js';
export type { ExtensionLike, StandardSchemaLike, StandardSchemaLikeResult, CacheModelLike, SecretDeclarationLike, SchemaOutput } from './extension-like.js';
// Types that appear in public signatures (ctx clients, responses), exported so inferred types can name them.
export type { HttpMethod, TransportResponse } from '../http/transport.js';
export type { CacheModels } from './clients/cache-models.js';
export type { BaseCacheClient } from './clients/cache.js';
export type { ChatInjector } from './clients/chat.js';
export type { BaseHttpClient } from './clients/http.js';
export type { SecretRedactor } from './redactor.js';
export type { SecretRules } from './clients/secrets.js';
export type { StoreClient, QueryOptions, UpdateOptions, Where, DocData } from './clients/store.js';
export { DEFAULT_AI_MODEL, type AIClient, type CompleteOptions, type CompletionResult } from './clients/ai.js';
export type { BillingClient, LimitsResult, SubscriptionInfo, BalanceInfo } from './clients/billing.js';
export type { SkeletonClient } from './clients/skeleton.js';
export { CACHE_TTL, CACHE_MAX_BYTES, cacheKeyHash, type CacheEnvelope, type CacheModelRef } from './clients/cache-models.js';
export type { CacheClient, CacheSetOptions, CacheValue } from './clients/cache.js';
export type { NotifyClient, NotifyOptions } from './clients/notify.js';
export type { StorageClient, FileInfo } from './clients/storage.js';
export { HTTPResponse, HTTPStatusError, HTTP_TIMEOUT, HTTP_MAX_REDIRECTS, type AllowPrivateNetwork, type HttpClient, type HttpRequestOptions } from './clients/http.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from '../http/transport.js';
export { isPrivateAddress } from '../http/ssrf.js';
export { StaticConfigClient, type ConfigClient } from './clients/config.js';
export { MAX_CALL_DEPTH, type ExtensionsClient } from './clients/extensions.js';
export { makeTimeContext, type TimeContext } from './clients/time.js';
export type { SecretsClient, SecretStatus } from './clients/secrets.js';
export type { ChatMessageOptions } from './clients/chat.js';
export type { CallOptions, WriteOptions } from '../http/gateway.js';
export type { RetryPolicy } from '../http/retry.js';
export { closeSharedDispatchers } from '../http/pool.js';
