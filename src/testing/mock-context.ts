/**
 * `MockContext`: a real Context whose clients are in-memory mocks implementing
 * the same interfaces as the gateway clients.
 *
 * @module
 */
import { CacheModels } from '../context/clients/cache-models.js';
import { StaticConfigClient } from '../context/clients/config.js';
import { SecretRules } from '../context/clients/secrets.js';
import { makeTimeContext, type TimeContext } from '../context/clients/time.js';
import type { ContextKind } from '../context/context.js';
import { bareExtension, type ExtensionLike } from '../context/extension-like.js';
import { SYSTEM_USER_ID, User, WEBHOOK_USER_ID, makeTenant, type Tenant } from '../context/identity.js';
import { createLogger, type LogRecord } from '../context/logger.js';
import { ContextImpl, type ClientSet } from '../context/runtime.js';
import { FakeClock, type Clock } from './clock.js';
import { PlatformState } from './engine/platform.js';
import { MockAI } from './mocks/ai.js';
import { MockBilling } from './mocks/billing.js';
import { MockCache, type MockCacheCall } from './mocks/cache.js';
import { BackgroundRecorder } from './background.js';
import type { BackgroundTaskRunner } from '../context/background.js';
import { MockChat } from './mocks/chat.js';
import { MockExtensions } from './mocks/extensions.js';
import { MockHTTP } from './mocks/http.js';
import { createMockNotify, type MockNotify } from './mocks/notify.js';
import type { MockScope } from './mocks/scope.js';
import { MockSecrets } from './mocks/secrets.js';
import { MockSkeleton } from './mocks/skeleton.js';
import { MockStorage } from './mocks/storage.js';
import { MockStore } from './mocks/store.js';

/** `ctx.config` in tests is the production class over the given object. */
export { StaticConfigClient as MockConfig };

/** Options of {@link MockContext}. */
export interface MockContextOptions {
  /** Acting user (default `test_user`; `__system__` / `__webhook__` for those kinds). */
  readonly userId?: string;
  readonly email?: string;
  readonly role?: string;
  /** Granted scopes (default `['*']`). */
  readonly scopes?: readonly string[];
  readonly tenantId?: string;
  readonly tenant?: Partial<Tenant>;
  /** App id (default: the extension's, else `test-ext`). */
  readonly extensionId?: string;
  /** The extension under test: its cache models and declared secrets apply. */
  readonly extension?: ExtensionLike;
  /** Resolved configuration. */
  readonly config?: Record<string, unknown>;
  /** The surface being simulated (default `tool`). */
  readonly kind?: ContextKind;
  /** Clock for timestamps, cache TTLs and `ctx.time` (default: a FakeClock at 2026-01-01T00:00:00Z). */
  readonly clock?: Clock;
  /** Share a simulated platform between contexts (e.g. with the local gateway). */
  readonly platform?: PlatformState;
  readonly time?: Partial<TimeContext>;
  readonly signal?: AbortSignal;
  /**
   * Deterministic ids for store documents and background tasks (e.g. `sequentialIds()`);
   * applies when this context creates its platform. Default: random ids.
   */
  readonly idGenerator?: () => string;
  /** Where `ctx.backgroundTask()` goes (default: a {@link BackgroundRecorder}, `ctx.background`). */
  readonly backgroundTasks?: BackgroundTaskRunner;
}

/** A progress report recorded by `ctx.progress()`. */
export interface ProgressReport {
  readonly percent: number;
  readonly message: string;
}

function defaultUser(kind: ContextKind): string {
  return kind === 'system' ? SYSTEM_USER_ID : kind === 'webhook' ? WEBHOOK_USER_ID : 'test_user';
}

/**
 * A Context for unit tests. Every client is an in-memory mock; the test
 * helpers live on the clients (`ctx.store.seed`, `ctx.ai.respond`,
 * `ctx.http.mock`, `ctx.notify.sent`, …) and on `ctx.mocks`.
 */
export class MockContext extends ContextImpl {
  declare readonly store: MockStore;
  declare readonly ai: MockAI;
  declare readonly billing: MockBilling;
  declare readonly cache: MockCache;
  declare readonly notify: MockNotify;
  declare readonly storage: MockStorage;
  declare readonly http: MockHTTP;
  declare readonly config: StaticConfigClient;
  declare readonly extensions: MockExtensions;
  declare readonly secrets: MockSecrets;

  /** The simulated platform all mocks read and write. */
  readonly platform: PlatformState;
  /** The clock (a {@link FakeClock} unless one was given). */
  readonly clock: Clock;
  /** Mocks that have no typed slot on the context itself. */
  readonly mocks: { readonly skeleton: MockSkeleton; readonly chat: MockChat };
  /** Records written through `ctx.log`. */
  readonly logs: LogRecord[];
  /** Reports made through `ctx.progress()`. */
  readonly progressReports: ProgressReport[];
  /** Background tasks handed to `ctx.backgroundTask()` (unless another runner was given). */
  readonly background: BackgroundRecorder | undefined;

  constructor(options: MockContextOptions = {}) {
    const kind = options.kind ?? 'tool';
    const clock = options.clock ?? options.platform?.clock ?? new FakeClock();
    const platform = options.platform ?? new PlatformState({ clock, newId: options.idGenerator });
    const background = options.backgroundTasks ?? new BackgroundRecorder();
    const cacheCalls: MockCacheCall[] = [];
    const ext = options.extension ?? bareExtension(options.extensionId ?? 'test-ext');
    const extensionId = options.extensionId ?? ext.appId;
    const user = new User({
      imperalId: options.userId ?? defaultUser(kind),
      email: options.email ?? 'test@test.com',
      role: options.role ?? 'user',
      scopes: options.scopes ?? ['*'],
      tenantId: options.tenantId ?? 'default',
    });
    const logs: LogRecord[] = [];
    const progressReports: ProgressReport[] = [];
    const models = new CacheModels(ext.registry.cacheModels, extensionId);
    const rules = new SecretRules(ext.registry.secrets, extensionId);
    const config = new StaticConfigClient(options.config ?? {});
    const http = new MockHTTP();
    const time = makeTimeContext(options.time, new Date(clock.now()));
    const skeletons = new Map<string, MockSkeleton>();
    const chats = new Map<string, MockChat>();
    const build = (u: User): ClientSet => {
      const scope: MockScope = { platform, extensionId, userId: u.imperalId, tenantId: u.tenantId };
      const skeleton = new MockSkeleton(scope);
      const chat = new MockChat(scope);
      skeletons.set(u.imperalId, skeleton);
      chats.set(u.imperalId, chat);
      return {
        store: new MockStore(scope),
        ai: new MockAI(scope),
        billing: new MockBilling(scope),
        skeleton,
        cache: new MockCache(scope, models, cacheCalls),
        notify: createMockNotify(scope),
        storage: new MockStorage(scope),
        http,
        config,
        extensions: new MockExtensions(scope),
        time,
        secrets: new MockSecrets(scope, rules),
        chat,
      };
    };
    // The acting user's mocks exist from the start (ctx.mocks points at them); other
    // users' (asUser) are made when first used.
    const own = build(user);
    const clientsFor = (u: User): ClientSet => (u === user ? own : build(u));
    super({
      kind,
      extensionId,
      user,
      tenant: makeTenant({ tenantId: user.tenantId, ...options.tenant }),
      signal: options.signal ?? new AbortController().signal,
      log: createLogger(extensionId, (r) => logs.push(r), () => new Date(clock.now()), rules.redactor),
      redactor: rules.redactor,
      clientsFor,
      onProgress: (percent, message) => {
        progressReports.push({ percent, message });
      },
      backgroundTasks: background,
      newId: options.idGenerator,
    });
    this.background = background instanceof BackgroundRecorder ? background : undefined;
    this.platform = platform;
    this.clock = clock;
    this.mocks = { skeleton: skeletons.get(user.imperalId)!, chat: chats.get(user.imperalId)! };
    this.logs = logs;
    this.progressReports = progressReports;
  }

  /** The clock as a {@link FakeClock} (throws when a different clock was given). */
  get fakeClock(): FakeClock {
    if (!(this.clock instanceof FakeClock)) throw new TypeError('this MockContext was given a clock that is not a FakeClock');
    return this.clock;
  }
}
