/**
 * Handler signatures, one per registration kind. Each names the context variant
 * the handler receives and the arguments the dispatcher passes after it.
 *
 * @module
 */
import type {
  ChatContext,
  Context,
  PanelContext,
  SkeletonContext,
  SystemContext,
  ToolContext,
  WebhookContext,
} from '../context/index.js';
import type { Event } from '../types/event.js';
import type { HealthStatus } from '../types/health.js';
import type { WebhookRequest } from '../types/webhook.js';

/** A value or a promise of it. */
export type Awaitable<T> = T | Promise<T>;

/** A chat function: gets the parsed params, returns an `ActionResult` (or plain data; `R` when `returns:` is set). */
export type ChatHandler<P, R = unknown> = (ctx: ChatContext, params: P) => Awaitable<R>;
/** A raw tool. */
export type ToolHandler<P> = (ctx: ToolContext, params: P) => Awaitable<unknown>;
/** A panel, widget or tray item: returns a UI node. */
export type UIHandler<P> = (ctx: PanelContext, params: P) => Awaitable<unknown>;
/** A skeleton refresh: returns the section's data (`{ response: … }` or the bare object). */
export type SkeletonHandler = (ctx: SkeletonContext) => Awaitable<unknown>;
/** A scheduled job or a signal. */
export type SystemHandler = (ctx: SystemContext) => Awaitable<unknown>;
/** A webhook: gets the raw request, answers with a `WebhookResponse` (or plain data). */
export type WebhookHandler = (ctx: WebhookContext, request: WebhookRequest) => Awaitable<unknown>;
/** An event subscription. */
export type EventHandler = (ctx: Context, event: Event) => Awaitable<unknown>;
/** A method exposed to other extensions. */
export type ExposedHandler<P> = (ctx: Context, params: P) => Awaitable<unknown>;
/** What lifecycle hooks receive after the context. */
export interface LifecycleInfo {
  /** For `onUpgrade` hooks: the version being upgraded from, when the platform knows it. */
  readonly fromVersion?: string;
}
/** A lifecycle hook (`onInstall`, `onUpgrade`, …). */
export type LifecycleHandler = (ctx: SystemContext, info: LifecycleInfo) => Awaitable<unknown>;
/** The health check. */
export type HealthHandler = (ctx: SystemContext) => Awaitable<HealthStatus | unknown>;
