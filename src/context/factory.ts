/**
 * `createContext()`: builds a real Context whose clients talk to the gateway.
 * This is what the extension host calls once per invocation.
 *
 * @module
 */
import type { Dispatcher } from 'undici';
import { ValidationError } from '../errors.js';
import { GatewayHttp, gatewayUrlOf } from '../http/gateway.js';
import { privateNetworkPolicy } from '../http/ssrf.js';
import { checkMaxResponseBytes } from '../http/transport.js';
import type { RetryPolicy } from '../http/retry.js';
import { GatewayAIClient } from './clients/ai.js';
import { GatewayBillingClient } from './clients/billing.js';
import { GatewayCacheClient } from './clients/cache.js';
import { CacheModels } from './clients/cache-models.js';
import { GatewayChatInjector } from './clients/chat.js';
import { StaticConfigClient, type ConfigClient } from './clients/config.js';
import { GatewayExtensionsClient } from './clients/extensions.js';
import { UndiciHttpClient, type AllowPrivateNetwork } from './clients/http.js';
import { gatewayNotifyClient } from './clients/notify.js';
import { ClientScope } from './clients/scope.js';
import { EnvSecretsClient, SecretRules, VaultSecretsClient, secretsDevMode } from './clients/secrets.js';
import { GatewaySkeletonClient } from './clients/skeleton.js';
import { GatewayStorageClient } from './clients/storage.js';
import { GatewayStoreClient } from './clients/store.js';
import { makeTimeContext, type TimeContext } from './clients/time.js';
import type { BackgroundTaskRunner } from './background.js';
import type { ContextByKind, ContextKind } from './context.js';
import { bareExtension, type ExtensionLike } from './extension-like.js';
import { SYSTEM_USER_ID, User, WEBHOOK_USER_ID, makeTenant, type IdentityInit, type Tenant } from './identity.js';
import { createLogger, type LogSink } from './logger.js';
import { sharedRedactor } from './redactor.js';
import { buildContext, type ClientSet, type ProgressCallback } from './runtime.js';

/** Options of {@link createContext}. */
export interface CreateContextOptions<K extends ContextKind = ContextKind> {
  /** The surface of the call. */
  readonly kind: K;
  /** Gateway base URL. */
  readonly gatewayUrl: string;
  /** Service token for the internal gateway routes. */
  readonly serviceToken: string;
  /** Per-invocation HMAC call token (skeleton and cache routes). */
  readonly callToken?: string;
  /** auth-gw session token for the secrets vault (default: the service token). */
  readonly sessionToken?: string;
  /** The acting user; omitted for `system` (`__system__`) and `webhook` (`__webhook__`) contexts. */
  readonly identity?: IdentityInit;
  readonly tenant?: Partial<Tenant> & { tenantId: string };
  /** The extension (for cache models and secrets), or just its app id. */
  readonly extension: ExtensionLike | string;
  /** The kernel-authoritative app id, when it differs from `extension.appId`. */
  readonly extensionId?: string;
  /** Resolved configuration (copied when the context is created). */
  readonly config?: Record<string, unknown>;
  /**
   * A ready configuration client shared by many contexts, instead of `config` (a host
   * makes one per process rather than copying the configuration for every call).
   */
  readonly configClient?: ConfigClient;
  readonly time?: Partial<TimeContext>;
  /** Where gateway requests go (default: a shared keep-alive pool per origin). Tests pass a `MockAgent`. */
  readonly dispatcher?: Dispatcher;
  /**
   * Where `ctx.http` requests go (default: the SDK's egress agents, which apply the
   * SSRF guard after DNS resolution; an injected dispatcher is only checked for IP-literal hosts).
   */
  readonly httpDispatcher?: Dispatcher;
  /**
   * Largest response body accepted from the gateway and through `ctx.http`, in
   * bytes (default 10 MiB). A call's own `maxResponseBytes` overrides it.
   */
  readonly maxResponseBytes?: number;
  /**
   * Opens `ctx.http`'s SSRF guard: `true` for every address, or a list of host
   * names, IP addresses and CIDR ranges (e.g. `['127.0.0.1']` for a local test
   * server). Default: loopback, private, link-local, CGNAT and metadata addresses are refused.
   */
  readonly allowPrivateNetwork?: AllowPrivateNetwork;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Cancels every client call of this context. A function is called the first time
   * the signal is needed (`ctx.signal` read, a client used): the host passes its
   * deadline signal that way, so a call that needs none does not pay for one.
   */
  readonly signal?: AbortSignal | (() => AbortSignal);
  readonly onProgress?: ProgressCallback;
  readonly logSink?: LogSink;
  /** Apps already on the extension call chain (the caller first). */
  readonly callStack?: readonly string[];
  /** Clock in epoch ms for `cached_at`, log times and `ctx.time` (default: system time). */
  readonly now?: () => number;
  /** Environment for secrets dev mode (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Runs `ctx.backgroundTask()` work (the `imperal serve` host passes its runner). */
  readonly backgroundTasks?: BackgroundTaskRunner;
}

/** The identity a context of `kind` acts as. */
function identityFor(kind: ContextKind, identity: IdentityInit | undefined): IdentityInit {
  if (identity) return identity;
  if (kind === 'system') return { imperalId: SYSTEM_USER_ID };
  if (kind === 'webhook') return { imperalId: WEBHOOK_USER_ID };
  throw new ValidationError('identity', `a '${kind}' context needs the acting user: pass identity: { imperalId, email, role, scopes, tenantId }`);
}

// The last gateway URL found valid: a host passes the same one for every call.
let checkedGatewayUrl: string | undefined;

/** Throws for a gateway URL, response cap or private-network opening the clients would refuse. */
function checkTransportOptions(options: CreateContextOptions): void {
  if (options.gatewayUrl !== checkedGatewayUrl || checkedGatewayUrl === undefined) {
    gatewayUrlOf(options.gatewayUrl);
    checkedGatewayUrl = options.gatewayUrl;
  }
  if (options.maxResponseBytes !== undefined) checkMaxResponseBytes(options.maxResponseBytes);
  if (options.allowPrivateNetwork !== undefined) privateNetworkPolicy(options.allowPrivateNetwork);
}

/** Builds a real Context for one invocation. */
export function createContext<K extends ContextKind>(options: CreateContextOptions<K>): ContextByKind[K] {
  const ext = typeof options.extension === 'string' ? bareExtension(options.extension) : options.extension;
  const extensionId = options.extensionId || ext.appId;
  if (!options.serviceToken) throw new ValidationError('serviceToken', 'the gateway service token is required');
  const user = new User(identityFor(options.kind, options.identity));
  // Bad options fail here, at creation, though the clients using them are built later.
  checkTransportOptions(options);
  // One memory of secret values per extension: a value read in an earlier invocation stays masked.
  const rules = new SecretRules(ext.registry.secrets, extensionId, sharedRedactor(ext.registry.secrets));
  const now = options.now ?? Date.now;
  const createdAt = now();
  const given = options.signal;
  let signal: AbortSignal | undefined;
  const signalOf = (): AbortSignal => (signal ??= typeof given === 'function' ? given() : (given ?? new AbortController().signal));
  // Everything below is built the first time a handler uses a client: a host makes a
  // context for every call, and most calls use one client or none.
  // Read now, like every option: later changes to `config` or the environment do not reach this context.
  const config = options.configClient ?? new StaticConfigClient(options.config ?? {});
  const devSecrets = secretsDevMode(options.env);
  let shared: { base: ClientScope; models: CacheModels; time: TimeContext; egress: UndiciHttpClient } | undefined;
  const sharedParts = (): NonNullable<typeof shared> => {
    if (shared) return shared;
    // Only a caller's signal is handed to the transport: a never-aborting one would cost a listener per request.
    const callerSignal = given === undefined ? undefined : signalOf();
    const http = new GatewayHttp({
      gatewayUrl: options.gatewayUrl,
      dispatcher: options.dispatcher,
      retry: options.retry,
      signal: callerSignal,
      maxResponseBytes: options.maxResponseBytes,
    });
    const base = new ClientScope({
      http,
      extensionId,
      userId: user.imperalId,
      tenantId: user.tenantId,
      serviceToken: options.serviceToken,
      callToken: options.callToken,
      sessionToken: options.sessionToken,
    });
    const egress = new UndiciHttpClient({
      dispatcher: options.httpDispatcher,
      signal: callerSignal,
      maxResponseBytes: options.maxResponseBytes,
      allowPrivateNetwork: options.allowPrivateNetwork,
    });
    return (shared = {
      base,
      models: new CacheModels(ext.registry.cacheModels, extensionId),
      time: makeTimeContext(options.time, new Date(createdAt)),
      egress,
    });
  };
  const clientsFor = (u: User): ClientSet => {
    const { base, models, time, egress } = sharedParts();
    const scope = u.imperalId === base.userId ? base : base.forUser(u.imperalId);
    return {
      store: new GatewayStoreClient(scope),
      ai: new GatewayAIClient(scope),
      billing: new GatewayBillingClient(scope),
      skeleton: new GatewaySkeletonClient(scope),
      cache: new GatewayCacheClient(scope, models, () => new Date(now())),
      notify: gatewayNotifyClient(scope),
      storage: new GatewayStorageClient(scope),
      http: egress,
      config,
      extensions: new GatewayExtensionsClient(scope, options.callStack ?? [extensionId]),
      time,
      secrets: devSecrets ? new EnvSecretsClient(rules, options.env) : new VaultSecretsClient(scope, rules),
      chat: new GatewayChatInjector(scope),
    };
  };
  return buildContext({
    kind: options.kind,
    extensionId,
    user,
    tenant: options.tenant ? makeTenant(options.tenant) : null,
    signal: signalOf,
    log: createLogger(extensionId, options.logSink, () => new Date(now()), rules.redactor),
    redactor: rules.redactor,
    clientsFor,
    onProgress: options.onProgress,
    backgroundTasks: options.backgroundTasks,
  });
}
