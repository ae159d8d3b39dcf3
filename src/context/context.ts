/**
 * The `Context` every handler receives, and its per-surface variants.
 *
 * @module
 */
import type { BackgroundTaskFn, BackgroundTaskOptions } from './background.js';
import type { AIClient } from './clients/ai.js';
import type { BillingClient } from './clients/billing.js';
import type { CacheClient } from './clients/cache.js';
import type { ChatMessageOptions } from './clients/chat.js';
import type { ConfigClient } from './clients/config.js';
import type { ExtensionsClient } from './clients/extensions.js';
import type { HttpClient } from './clients/http.js';
import type { NotifyClient } from './clients/notify.js';
import type { SecretsClient } from './clients/secrets.js';
import type { SkeletonClient } from './clients/skeleton.js';
import type { StorageClient } from './clients/storage.js';
import type { StoreClient } from './clients/store.js';
import type { TimeContext } from './clients/time.js';
import type { Tenant, User } from './identity.js';
import type { ContextLogger } from './logger.js';

/**
 * The surface a call came through: a chat function, a raw tool, a panel, a
 * skeleton refresh, a system call (schedules, lifecycle) or a webhook.
 */
export type ContextKind = 'chat_fn' | 'tool' | 'panel' | 'skeleton' | 'system' | 'webhook';

/** The twelve platform clients every context carries. */
export interface ContextClients {
  readonly store: StoreClient;
  readonly ai: AIClient;
  readonly billing: BillingClient;
  /** Readable only in skeleton handlers; elsewhere `get()` rejects with `SkeletonAccessForbidden`. */
  readonly skeleton: SkeletonClient;
  readonly cache: CacheClient;
  readonly notify: NotifyClient;
  readonly storage: StorageClient;
  readonly http: HttpClient;
  readonly config: ConfigClient;
  readonly extensions: ExtensionsClient;
  readonly time: TimeContext;
  readonly secrets: SecretsClient;
}

/** What every handler receives as its first argument. */
export interface Context extends ContextClients {
  /** The surface this call came through. */
  readonly kind: ContextKind;
  /** The extension's app id (as the platform deployed it). */
  readonly extensionId: string;
  /** The acting user. */
  readonly user: User;
  /** The tenant, when the platform supplied it. */
  readonly tenant: Tenant | null;
  readonly log: ContextLogger;
  /** Aborted when the platform gives up on the call; every client call honours it. */
  readonly signal: AbortSignal;
  /** Reports progress of long work (0–100); a no-op where the platform does not show it. */
  progress(percent: number, message?: string): Promise<void>;
  /** Public URL of this extension's webhook at `path`. */
  webhookUrl(path: string): string;
  /** Posts a message into the user's chat (e.g. when background work finishes). */
  deliverChatMessage(text: string, options?: ChatMessageOptions): Promise<void>;
  /**
   * Hands work that outlives the call to the host (5.x `background_task`): the call
   * replies first, the task runs within 180 s (1800 s with `longRunning`) and its
   * `ActionResult` is delivered to the user's chat. Returns the task id.
   */
  backgroundTask(fn: BackgroundTaskFn, options?: BackgroundTaskOptions): string;
  /**
   * `text` with every secret value this call has read or written through
   * `ctx.secrets` replaced by `[redacted]`. `ctx.log` and the dispatcher's error
   * results apply it already; use it for anything else that leaves the handler.
   */
  redactSecrets(text: string): string;
}

/** Context of a `@chat.fn` function. */
export interface ChatContext extends Context {
  readonly kind: 'chat_fn';
}

/** Context of a raw `@ext.tool`. */
export interface ToolContext extends Context {
  readonly kind: 'tool';
}

/** Context of a panel handler. */
export interface PanelContext extends Context {
  readonly kind: 'panel';
}

/** Context of a skeleton refresh handler (the only one that may read `ctx.skeleton`). */
export interface SkeletonContext extends Context {
  readonly kind: 'skeleton';
}

/** Context of schedules and other system calls: acts as `__system__` and may fan out per user. */
export interface SystemContext extends Context {
  readonly kind: 'system';
  /** A context acting for `userId` (its store, notify, billing, cache, secrets… are rebound). */
  asUser(userId: string): Context;
}

/** Context of a webhook handler: acts as `__webhook__`. */
export interface WebhookContext extends Context {
  readonly kind: 'webhook';
}

/** The context type of each kind. */
export interface ContextByKind {
  chat_fn: ChatContext;
  tool: ToolContext;
  panel: PanelContext;
  skeleton: SkeletonContext;
  system: SystemContext;
  webhook: WebhookContext;
}

/** Any concrete context. */
export type AnyContext = ContextByKind[ContextKind];
