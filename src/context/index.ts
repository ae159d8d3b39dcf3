// PLACEHOLDER until the ctx issue lands: the minimal Context the core compiles against.
/** What every handler receives as its first argument. */
export interface Context {
  /** Cancelled when the platform gives up on the call. */
  readonly signal?: AbortSignal;
}
/** PLACEHOLDER variants (replaced by the ctx issue). */
export type ChatContext = Context;
export type ToolContext = Context;
export type PanelContext = Context;
export type SkeletonContext = Context;
export type SystemContext = Context;
export type WebhookContext = Context;
