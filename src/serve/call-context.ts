/**
 * The `ctx` of each call a host runs, built from the RPC envelope: the acting user
 * (`user_id`, `email`, `role`, `scopes`, `attributes`, `agency_id`), the tenant, the
 * surface (`kind`) read from the function's wire name, and the real gateway clients.
 * `user_id` `__system__` (schedules) gets a system context, which may `asUser()`.
 *
 * Every context of a process shares ONE keep-alive connection pool to the gateway,
 * created here and closed by {@link CallContextFactory.close}; `ctx.backgroundTask()`
 * goes to the process's {@link HostBackgroundRunner}.
 *
 * @module
 */
import { Pool } from 'undici';
import type { Context, ContextKind } from '../context/context.js';
import { createContext } from '../context/factory.js';
import { SYSTEM_USER_ID, WEBHOOK_USER_ID, type IdentityInit } from '../context/identity.js';
import type { LogSink } from '../context/logger.js';
import { StaticConfigClient } from '../context/clients/config.js';
import type { Extension } from '../core/extension.js';
import type { RpcRequest } from '../rpc/envelope.js';
import { HostBackgroundRunner, type CallTasks, type HostBackgroundRunnerOptions } from './background-runner.js';

/** Connections of the process's gateway pool (the platform's own client uses 50). */
export const DEFAULT_GATEWAY_CONNECTIONS = 50;

/** Options of {@link CallContextFactory}. */
export interface CallContextFactoryOptions {
  readonly ext: Extension;
  /** `--gateway-url`. */
  readonly gatewayUrl: string;
  /** `--service-token`. */
  readonly serviceToken: string;
  /** Connections in the gateway pool (default {@link DEFAULT_GATEWAY_CONNECTIONS}). */
  readonly gatewayConnections?: number;
  /** Resolved extension configuration (`ctx.config`). */
  readonly config?: Record<string, unknown>;
  /** Where `ctx.log` records go (the host's logger). */
  readonly logSink?: LogSink;
  /** Background-task limits and observers. */
  readonly background?: HostBackgroundRunnerOptions;
  /** Environment for secrets dev mode (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
}

/** The context of one call, and what the host does once the call has replied. */
export interface CallScope {
  readonly ctx: Context;
  /** The call's reply is out: its background tasks may start (and any scheduled later start at once). */
  afterReply(): void;
  /** The call ended without a reply being sent: its unstarted background tasks are dropped (and any scheduled later). */
  abandon(): void;
  /** True when background tasks wait for {@link afterReply}. */
  hasTasks(): boolean;
}

/** Extra facts about a call that the envelope does not carry. */
export interface CallExtras {
  /** Aborted at the call's deadline (becomes `ctx.signal`); a function makes it on first use. */
  readonly signal?: AbortSignal | (() => AbortSignal);
  /** The platform call token the call arrived with (forwarded to the skeleton/cache routes). */
  readonly callToken?: string;
}

const UI_PREFIX = /^__(panel|widget|tray|menu)__/;
/** Wire names of the system kinds (src/core/wire-names.ts). */
const SYSTEM_NAME = /^__(schedule__|signal__|lifecycle__|health__$|event__$)/;

/**
 * The surface of a call from its wire name: system for `__system__` and the system
 * kinds' names (`__schedule__<n>`, `__event__`, `__health__`, …), panel for the
 * UI names, skeleton for `skeleton_refresh_<s>`, webhook for `__webhook__<path>`,
 * chat_fn for chat functions, tool otherwise.
 */
export function contextKindOf(ext: Extension, request: Pick<RpcRequest, 'function' | 'user_id'>): ContextKind {
  const name = request.function;
  if (request.user_id === SYSTEM_USER_ID || SYSTEM_NAME.test(name)) return 'system';
  if (request.user_id === WEBHOOK_USER_ID || name.startsWith('__webhook__')) return 'webhook';
  if (UI_PREFIX.test(name)) return 'panel';
  if (ext.registry.tools.get(name)?.kind === 'skeleton') return 'skeleton';
  if (ext.registry.functions.has(name)) return 'chat_fn';
  return 'tool';
}

/** The acting user as the envelope names it. */
export function identityOf(request: RpcRequest): IdentityInit {
  return {
    imperalId: request.user_id,
    email: request.email,
    role: request.role,
    scopes: request.scopes,
    tenantId: request.tenant_id,
    agencyId: request.agency_id,
    attributes: request.attributes,
  };
}

/** Builds the per-call contexts of one host process. */
export class CallContextFactory {
  readonly #options: CallContextFactoryOptions;
  readonly #pool: Pool;
  /** `ctx.config` of every call: the configuration is copied once per process. */
  readonly #config: StaticConfigClient;
  /** Runs `ctx.backgroundTask()` work for every call of this process. */
  readonly background: HostBackgroundRunner;

  constructor(options: CallContextFactoryOptions) {
    this.#options = options;
    this.#pool = new Pool(new URL(options.gatewayUrl).origin, {
      connections: options.gatewayConnections ?? DEFAULT_GATEWAY_CONNECTIONS,
      keepAliveTimeout: 30_000,
    });
    this.background = new HostBackgroundRunner(options.background);
    this.#config = new StaticConfigClient(options.config ?? {});
  }

  /** The context of `request`, and the hooks that release its background tasks. */
  forCall(request: RpcRequest, extras: CallExtras = {}): CallScope {
    const o = this.#options;
    const identity = identityOf(request);
    let tasks: CallTasks | undefined;
    // How the call ended, for tasks scheduled after that (a handler's promise left running).
    let ended: 'replied' | 'abandoned' | undefined;
    const ctx = createContext({
      kind: contextKindOf(o.ext, request),
      gatewayUrl: o.gatewayUrl,
      serviceToken: o.serviceToken,
      extension: o.ext,
      identity,
      tenant: { tenantId: request.tenant_id },
      dispatcher: this.#pool,
      ...(extras.callToken ? { callToken: extras.callToken } : {}),
      ...(extras.signal ? { signal: extras.signal } : {}),
      configClient: this.#config,
      ...(o.logSink ? { logSink: o.logSink } : {}),
      ...(o.env ? { env: o.env } : {}),
      backgroundTasks: {
        schedule: (task) => {
          if (!tasks) {
            tasks = this.background.forCall({ deliver: this.#chatOf(request), redact: (text) => ctx.redactSecrets(text) });
            if (ended === 'replied') tasks.release();
            else if (ended === 'abandoned') tasks.discard();
          }
          tasks.schedule(task);
        },
      },
    });
    return {
      ctx,
      afterReply: () => {
        ended ??= 'replied';
        tasks?.release();
      },
      abandon: () => {
        ended ??= 'abandoned';
        tasks?.discard();
      },
      hasTasks: () => tasks !== undefined && ended === undefined,
    };
  }

  /**
   * A context for a call that has no envelope: a webhook (acts as `__webhook__`) or
   * the host's own system calls such as `/healthz` (acts as `__system__`).
   */
  forSurface(kind: 'webhook' | 'system', signal?: AbortSignal): Context {
    const o = this.#options;
    return createContext({
      kind,
      gatewayUrl: o.gatewayUrl,
      serviceToken: o.serviceToken,
      extension: o.ext,
      dispatcher: this.#pool,
      ...(signal ? { signal } : {}),
      configClient: this.#config,
      ...(o.logSink ? { logSink: o.logSink } : {}),
      ...(o.env ? { env: o.env } : {}),
    });
  }

  /**
   * Delivery to the user's chat through a context without the call's signal (the call
   * has ended by then); `null` for system and webhook calls, which have no chat.
   */
  #chatOf(request: RpcRequest): ((text: string, options?: object) => Promise<void>) | null {
    if (request.user_id === SYSTEM_USER_ID || request.user_id === WEBHOOK_USER_ID) return null;
    const o = this.#options;
    return (text, options) =>
      createContext({
        kind: 'chat_fn',
        gatewayUrl: o.gatewayUrl,
        serviceToken: o.serviceToken,
        extension: o.ext,
        identity: identityOf(request),
        dispatcher: this.#pool,
        ...(o.logSink ? { logSink: o.logSink } : {}),
      }).deliverChatMessage(text, options);
  }

  /** Waits for background tasks (at most `drainMs`), then closes the gateway pool. */
  async close(drainMs = 30_000): Promise<void> {
    await this.background.drain(drainMs);
    await this.#pool.close().catch(() => undefined);
  }
}
