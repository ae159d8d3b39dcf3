/**
 * The one Context implementation: identity, clients, logging, progress and the
 * system fan-out. The real factory and `MockContext` both build it, so the two
 * can only differ in the clients they plug in.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { REDACTOR, type SecretRedactor } from './redactor.js';
import { AuthError, ExtensionError, ImperalError, ValidationError } from '../errors.js';
import { checkSegment } from '../http/paths.js';
import {
  BACKGROUND_TASK_LONG_TIMEOUT_MS,
  BACKGROUND_TASK_TIMEOUT_MS,
  type BackgroundTaskFn,
  type BackgroundTaskOptions,
  type BackgroundTaskRunner,
} from './background.js';
import type { ChatInjector, ChatMessageOptions } from './clients/chat.js';
import { guardSkeleton } from './clients/skeleton.js';
import type { Context, ContextByKind, ContextClients, ContextKind, SystemContext } from './context.js';
import { SYSTEM_USER_ID, WEBHOOK_USER_ID, type Tenant, type User } from './identity.js';
import type { ContextLogger } from './logger.js';

/** The clients of one context, for one acting user (the skeleton client unguarded). */
export interface ClientSet extends ContextClients {
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
  /** The call's signal, or a function that makes it the first time it is read. */
  readonly signal: AbortSignal | (() => AbortSignal);
  readonly log: ContextLogger;
  /** Builds the clients acting for `user`, the first time one of them is used (again for `asUser`). */
  readonly clientsFor: (user: User) => ClientSet;
  readonly onProgress?: ProgressCallback | undefined;
  /** Host of public webhook URLs (default: `IMPERAL_PUBLIC_HOST` or `panel.imperal.io`). */
  readonly publicHost?: string | undefined;
  /** Masks the secret values this context has read or written (shared with `log`). */
  readonly redactor?: SecretRedactor | undefined;
  /** Runs `ctx.backgroundTask()` work; without one, `backgroundTask` throws. */
  readonly backgroundTasks?: BackgroundTaskRunner | undefined;
  /** Makes background task ids (default: random UUIDs). */
  readonly newId?: (() => string) | undefined;
}

/** The clients of a context, each built on first use (see {@link ContextImpl}). */
const CLIENT_KEYS = ['store', 'ai', 'billing', 'skeleton', 'cache', 'notify', 'storage', 'http', 'config', 'extensions', 'time', 'secrets'] as const satisfies readonly (keyof ContextClients)[];

/** The clients are accessors defined in the class's static block; this merge types them on the class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ContextImpl extends ContextClients {}

/** The Context implementation shared by the real factory and `MockContext`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ContextImpl implements Omit<SystemContext, 'kind'> {
  readonly kind: ContextKind;
  readonly extensionId: string;
  readonly user: User;
  readonly tenant: Tenant | null;
  readonly log: ContextLogger;
  readonly #parts: ContextParts;
  // Built on first use: most calls touch one client or none, and a host builds a
  // context for every call it runs.
  #clients: ClientSet | undefined;
  #skeleton: ContextClients['skeleton'] | undefined;
  #signal: AbortSignal | undefined;

  static {
    for (const key of CLIENT_KEYS) {
      Object.defineProperty(this.prototype, key, {
        configurable: true,
        get(this: ContextImpl) {
          // Only skeleton handlers may read ctx.skeleton: the client is wrapped once for this context's kind.
          if (key === 'skeleton') return (this.#skeleton ??= guardSkeleton(this.#c().skeleton, this.kind));
          return this.#c()[key];
        },
        // Assigning one (a JavaScript test swapping in a stub) gives this context its own value, as before.
        set(this: ContextImpl, value: unknown) {
          Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
        },
      });
    }
  }

  constructor(parts: ContextParts) {
    if (!parts.extensionId) throw new ValidationError('extensionId', 'a context needs the extension app id, e.g. "tasks-mini"');
    checkSegment('extensionId', parts.extensionId, 'tasks-mini');
    this.#parts = parts;
    this.kind = parts.kind;
    this.extensionId = parts.extensionId;
    this.user = parts.user;
    this.tenant = parts.tenant;
    this.log = parts.log;
  }

  /** Aborted when the platform gives up on the call; every client call honours it. */
  get signal(): AbortSignal {
    const s = this.#parts.signal;
    return (this.#signal ??= typeof s === 'function' ? s() : s);
  }

  #c(): ClientSet {
    return (this.#clients ??= this.#parts.clientsFor(this.#parts.user));
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
    return this.#c().chat.deliver(text, options);
  }

  backgroundTask(fn: BackgroundTaskFn, options: BackgroundTaskOptions = {}): string {
    if (typeof fn !== 'function') throw new ValidationError('fn', 'ctx.backgroundTask() needs the work as a function: ctx.backgroundTask(async (signal) => ActionResult.success(...))');
    const runner = this.#parts.backgroundTasks;
    if (!runner) {
      throw new ExtensionError(this.extensionId, 'ctx.backgroundTask() needs a host that runs background tasks (imperal serve, or a tester that records them): this context was built without a runner (createContext({ backgroundTasks }))');
    }
    const longRunning = options.longRunning === true;
    const name = options.name || 'background';
    const id = `${name}-${this.#parts.newId?.() ?? randomUUID()}`;
    runner.schedule(Object.freeze({ id, name, longRunning, timeoutMs: longRunning ? BACKGROUND_TASK_LONG_TIMEOUT_MS : BACKGROUND_TASK_TIMEOUT_MS, run: fn }));
    return id;
  }

  asUser(userId: string): Context {
    if (this.kind !== 'system' || this.user.imperalId !== SYSTEM_USER_ID) {
      throw new AuthError(`ctx.asUser() is only available in system context (schedules); this is a '${this.kind}' context acting for a user`);
    }
    if (typeof userId !== 'string' || userId === '' || userId === SYSTEM_USER_ID) {
      throw new ValidationError('userId', `must be a real user id (not empty, not "${SYSTEM_USER_ID}")`);
    }
    // User ids become URL segments of the cache, skeleton and billing routes.
    checkSegment('userId', userId, 'user_123');
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

  redactSecrets(text: string): string {
    return this.#parts.redactor ? this.#parts.redactor.redact(text) : text;
  }

  /** The redactor, for the dispatcher's masking of results (see `redactorOf`). */
  get [REDACTOR](): SecretRedactor | undefined {
    return this.#parts.redactor;
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
