/**
 * The one Context implementation: identity, clients, logging, progress and the
 * system fan-out. The real factory and `MockContext` both build it, so the two
 * can only differ in the clients they plug in.
 *
 * @module
 */
import { inspect } from 'node:util';
import { AuthError, ValidationError } from '../errors.js';
import type { AIClient } from './clients/ai.js';
import type { BillingClient } from './clients/billing.js';
import type { CacheClient } from './clients/cache.js';
import type { ChatInjector, ChatMessageOptions } from './clients/chat.js';
import type { ConfigClient } from './clients/config.js';
import type { ExtensionsClient } from './clients/extensions.js';
import type { HttpClient } from './clients/http.js';
import type { NotifyClient } from './clients/notify.js';
import type { SecretsClient } from './clients/secrets.js';
import { guardSkeleton, type SkeletonClient } from './clients/skeleton.js';
import type { StorageClient } from './clients/storage.js';
import type { StoreClient } from './clients/store.js';
import type { TimeContext } from './clients/time.js';
import type { Context, ContextByKind, ContextKind, SystemContext } from './context.js';
import { SYSTEM_USER_ID, WEBHOOK_USER_ID, type Tenant, type User } from './identity.js';
import type { ContextLogger } from './logger.js';

/** The clients of one context, for one acting user. */
export interface ClientSet {
  readonly store: StoreClient;
  readonly ai: AIClient;
  readonly billing: BillingClient;
  /** Unguarded; the context adds the skeleton-only guard. */
  readonly skeleton: SkeletonClient;
  readonly cache: CacheClient;
  readonly notify: NotifyClient;
  readonly storage: StorageClient;
  readonly http: HttpClient;
  readonly config: ConfigClient;
  readonly extensions: ExtensionsClient;
  readonly time: TimeContext;
  readonly secrets: SecretsClient;
  readonly chat: ChatInjector;
}

/** Receives `ctx.progress()` reports. */
export type ProgressCallback = (percent: number, message: string) => void | Promise<void>;

/** Everything a context is made of. */
export interface ContextParts<K extends ContextKind = ContextKind> {
  readonly kind: K;
  readonly extensionId: string;
  readonly user: User;
  readonly tenant: Tenant | null;
  readonly signal: AbortSignal;
  readonly log: ContextLogger;
  /** Builds the clients acting for `user` (called again by `asUser`). */
  readonly clientsFor: (user: User) => ClientSet;
  readonly onProgress?: ProgressCallback | undefined;
  /** Host of public webhook URLs (default: `IMPERAL_PUBLIC_HOST` or `panel.imperal.io`). */
  readonly publicHost?: string | undefined;
}

/** The Context implementation shared by the real factory and `MockContext`. */
export class ContextImpl implements Omit<SystemContext, 'kind'> {
  readonly kind: ContextKind;
  readonly extensionId: string;
  readonly user: User;
  readonly tenant: Tenant | null;
  readonly signal: AbortSignal;
  readonly log: ContextLogger;
  readonly store: StoreClient;
  readonly ai: AIClient;
  readonly billing: BillingClient;
  readonly skeleton: SkeletonClient;
  readonly cache: CacheClient;
  readonly notify: NotifyClient;
  readonly storage: StorageClient;
  readonly http: HttpClient;
  readonly config: ConfigClient;
  readonly extensions: ExtensionsClient;
  readonly time: TimeContext;
  readonly secrets: SecretsClient;
  readonly #parts: ContextParts;
  readonly #chat: ChatInjector;

  constructor(parts: ContextParts) {
    if (!parts.extensionId) throw new ValidationError('extensionId', 'a context needs the extension app id, e.g. "tasks-mini"');
    this.#parts = parts;
    this.kind = parts.kind;
    this.extensionId = parts.extensionId;
    this.user = parts.user;
    this.tenant = parts.tenant;
    this.signal = parts.signal;
    this.log = parts.log;
    const c = parts.clientsFor(parts.user);
    this.store = c.store;
    this.ai = c.ai;
    this.billing = c.billing;
    this.skeleton = guardSkeleton(c.skeleton, parts.kind);
    this.cache = c.cache;
    this.notify = c.notify;
    this.storage = c.storage;
    this.http = c.http;
    this.config = c.config;
    this.extensions = c.extensions;
    this.time = c.time;
    this.secrets = c.secrets;
    this.#chat = c.chat;
  }

  async progress(percent: number, message = ''): Promise<void> {
    if (typeof percent !== 'number' || !(percent >= 0 && percent <= 100)) {
      throw new ValidationError('percent', `must be a number from 0 to 100 (got ${String(percent)})`);
    }
    await this.#parts.onProgress?.(percent, message);
  }

  webhookUrl(path: string): string {
    const host = this.#parts.publicHost ?? process.env.IMPERAL_PUBLIC_HOST ?? 'panel.imperal.io';
    return `https://${host}/v1/ext/${this.extensionId}/webhook/${path.replace(/^\/+/, '')}`;
  }

  deliverChatMessage(text: string, options?: ChatMessageOptions): Promise<void> {
    return this.#chat.deliver(text, options);
  }

  asUser(userId: string): Context {
    if (this.kind !== 'system' || this.user.imperalId !== SYSTEM_USER_ID) {
      throw new AuthError(`ctx.asUser() is only available in system context (schedules); this is a '${this.kind}' context acting for a user`);
    }
    if (typeof userId !== 'string' || userId === '' || userId === SYSTEM_USER_ID) {
      throw new ValidationError('userId', `must be a real user id (not empty, not "${SYSTEM_USER_ID}")`);
    }
    return new ContextImpl({ ...this.#parts, user: this.user.scopedTo(userId) });
  }

  /**
   * The same call seen from another surface: same tenant, log, signal and client
   * state, with `kind`'s rules (only `skeleton` may read `ctx.skeleton`; `system`
   * acts as `__system__` and may `asUser()`, `webhook` as `__webhook__`). The test
   * harness uses it to run every kind of handler against one context.
   */
  withKind<K extends ContextKind>(kind: K): ContextByKind[K] {
    if (kind === this.kind) return this as unknown as ContextByKind[K];
    const actor = kind === 'system' ? SYSTEM_USER_ID : kind === 'webhook' ? WEBHOOK_USER_ID : undefined;
    const user = actor === undefined ? this.#parts.user : this.#parts.user.scopedTo(actor);
    return new ContextImpl({ ...this.#parts, kind, user }) as unknown as ContextByKind[K];
  }

  /** Identity summary only: no clients, no credentials. */
  toJSON(): Record<string, unknown> {
    return { kind: this.kind, extensionId: this.extensionId, user: this.user.imperalId, tenant: this.user.tenantId };
  }

  toString(): string {
    return `Context(${this.kind} ${this.extensionId} as ${this.user.imperalId})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** Builds a context of kind `K` (typed as that kind's interface). */
export function buildContext<K extends ContextKind>(parts: ContextParts<K>): ContextByKind[K] {
  return new ContextImpl(parts) as unknown as ContextByKind[K];
}
