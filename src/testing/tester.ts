/**
 * `createTester(ext)`: runs an extension's handlers the way the platform will —
 * through the real dispatcher — against a {@link MockContext}, with helpers to
 * fire schedules, webhooks and events and to move a fake clock.
 *
 * @module
 */
import type { Context, ContextByKind, ContextKind } from '../context/context.js';
import { dispatch, runExposed, runFunction, type SkeletonOutcome, type SystemOutcome, type UIEnvelope } from '../core/dispatch.js';
import type { Extension } from '../core/extension.js';
import type { LifecycleKind } from '../core/records.js';
import type { ActionResult } from '../types/action-result.js';
import type { EntryData, EntryParams, FunctionMap, IsTyped, UntypedFunctions } from '../core/typed-functions.js';
import type { RecordedBackgroundTask } from './background.js';
import { checkedCall, type CallCheck } from './call-check.js';
import { withFakeDate } from './fake-date.js';
import type { InjectedChatMessage } from './engine/platform.js';
import { Event, type EventInit } from '../types/event.js';
import type { HealthStatusDict } from '../types/health.js';
import { WebhookRequest, type WebhookResponseDict } from '../types/webhook.js';
import { signWebhook, type SignWebhookOptions, type SignedWebhook } from '../security/webhook.js';
import { FakeClock } from './clock.js';
import { MockContext, type MockContextOptions } from './mock-context.js';
import { requireExtension } from './require-extension.js';

/** Per-call options: run this call with another context. */
export interface TesterCallOptions {
  ctx?: Context;
}

/** Options of {@link createTester}. */
export interface TesterOptions {
  /** The context shared by every call (default: a new `MockContext` for the extension, with its `configDefaults`). */
  ctx?: MockContext;
  /** Options for the default `MockContext` (ignored when `ctx` is given); `config` is merged over the extension's `configDefaults`. */
  context?: Omit<MockContextOptions, 'extension'>;
  /** `call()`/`expose()` reject with the failure's real cause (error, code, `ctx.log` lines) instead of returning an error result. */
  throwOnError?: boolean;
  /** Deterministic store document and background task ids, e.g. `sequentialIds()` (default: random). */
  idGenerator?: () => string;
  /** `Date.now()` and `new Date()` inside handlers follow `tester.clock` while a call runs (default: real time). */
  fakeTime?: boolean;
}

/**
 * `tester.call`: with a typed extension (`createTester<Functions>(ext)`) the name and
 * params are checked against the function map and the result carries the handler's
 * data type; untyped, any name and `call<T>()` as before.
 */
export type TesterCall<M extends FunctionMap> =
  IsTyped<M> extends true
    ? <N extends keyof M & string>(name: N, params: EntryParams<M[N]>, options?: TesterCallOptions) => Promise<ActionResult<EntryData<M[N]>>>
    : <T = unknown>(name: string, params?: unknown, options?: TesterCallOptions) => Promise<ActionResult<T>>;

/** A request for {@link Tester.fireWebhook}: raw body bytes or a JSON value. */
export interface FireWebhookRequest {
  method?: string;
  headers?: Record<string, string>;
  /** A string/bytes body is sent as is; anything else is JSON-encoded. */
  body?: unknown;
  query?: Record<string, string>;
  /** Sign the body with this secret (`signWebhook` options other than body/secret). */
  sign?: Omit<SignWebhookOptions, 'body'>;
}

/** The harness returned by {@link createTester}. */
export interface Tester<M extends FunctionMap = UntypedFunctions> {
  /** The extension under test. */
  readonly ext: Extension;
  /** The context shared by calls that pass none. */
  readonly ctx: MockContext;
  /** The shared fake clock (advance it to expire cache entries, move `ctx.time`). */
  readonly clock: FakeClock;
  /**
   * Calls a chat function; returns its `ActionResult` (validation errors included).
   * An unknown name throws at once, naming the registered ones; a success whose data
   * does not match the function's `returns:` schema throws too.
   */
  readonly call: TesterCall<M>;
  /** Calls an exposed method. */
  expose<T = unknown>(name: string, params?: unknown, options?: TesterCallOptions): Promise<ActionResult<T>>;
  /** Calls a raw tool (or any tool by its wire name). */
  tool(name: string, params?: unknown, options?: TesterCallOptions): Promise<unknown>;
  /** Renders a panel: the `{ ui, panel_id }` envelope. */
  panel(id: string, params?: unknown, options?: TesterCallOptions): Promise<UIEnvelope>;
  /** Renders a widget: the `{ ui, widget_id }` envelope. */
  widget(id: string, params?: unknown, options?: TesterCallOptions): Promise<UIEnvelope>;
  /** Renders a tray item: the `{ ui, tray_id, icon }` envelope. */
  tray(id: string, params?: unknown, options?: TesterCallOptions): Promise<UIEnvelope>;
  /** Runs a skeleton refresh (in a skeleton context): the `{ response }` envelope. */
  skeleton(section: string, options?: TesterCallOptions): Promise<SkeletonOutcome>;
  /** Fires a schedule (in a system context acting as `__system__`). */
  fireSchedule(name: string, options?: TesterCallOptions): Promise<SystemOutcome>;
  /** Delivers a webhook request (optionally signed) to the handler at `path`. */
  fireWebhook(path: string, request?: FireWebhookRequest, options?: TesterCallOptions): Promise<WebhookResponseDict>;
  /** Delivers an event to every matching `onEvent` handler. */
  emitEvent(eventType: string, data?: Record<string, unknown>, event?: Omit<EventInit<Record<string, unknown>>, 'eventType' | 'data'>, options?: TesterCallOptions): Promise<SystemOutcome>;
  /** Runs a lifecycle hook (`on_upgrade` takes the target version and `fromVersion`). */
  lifecycle(hook: LifecycleKind, info?: { version?: string; fromVersion?: string }, options?: TesterCallOptions): Promise<SystemOutcome>;
  /** Runs the health check. */
  health(options?: TesterCallOptions): Promise<HealthStatusDict>;
  /** Signs a webhook body (same as the exported `signWebhook`, on the tester's clock). */
  signWebhook(options: SignWebhookOptions): SignedWebhook;
  /** Messages handlers posted with `ctx.deliverChatMessage()`, in order. */
  readonly chatMessages: readonly InjectedChatMessage[];
  /** Tasks handed to `ctx.backgroundTask()`, in order (see {@link Tester.settleBackgroundTasks}). */
  readonly backgroundTasks: readonly RecordedBackgroundTask[];
  /** Waits for every background task scheduled so far to settle; returns them with their results. */
  settleBackgroundTasks(): Promise<readonly RecordedBackgroundTask[]>;
}

const encoder = new TextEncoder();

/**
 * Creates a test harness for `ext`. Every call goes through the real dispatcher
 * (params validation, result normalisation, error capture) with `tester.ctx`,
 * seen from the surface each call simulates, unless the call passes its own `ctx`.
 * The extension's `configDefaults` are the context's config.
 *
 * Typed: `createTester<Functions>(ext)` (or an `Extension<Functions>`) checks
 * `t.call(name, params)` against `Functions`, e.g.
 * `type Functions = { create_task: typeof Tasks.createTask }`.
 *
 * @throws TypeError when `ext` is not an Extension (`undefined`: is `ext` exported?).
 * @example
 * const t = createTester(ext);
 * const result = expectOk(await t.call('create_task', { title: 'Milk' }));
 */
export function createTester<F extends FunctionMap>(ext: Extension<F>, options?: TesterOptions): Tester<F>;
export function createTester<M extends FunctionMap = UntypedFunctions>(ext: Extension | undefined, options?: TesterOptions): Tester<M>;
export function createTester(ext: Extension | undefined, options: TesterOptions = {}): Tester {
  requireExtension(ext, 'createTester(ext)');
  const config = { ...ext.options.configDefaults, ...options.context?.config };
  const ctx =
    options.ctx ?? new MockContext({ kind: 'chat_fn', idGenerator: options.idGenerator, ...options.context, config, extension: ext });
  const clock = ctx.clock instanceof FakeClock ? ctx.clock : undefined;
  const as = <K extends ContextKind>(kind: K, call?: TesterCallOptions): Context => call?.ctx ?? (ctx.withKind(kind) as ContextByKind[K]);
  const timed = <T>(work: () => Promise<T>): Promise<T> => (options.fakeTime ? withFakeDate(ctx.clock, work) : work());
  const check = (what: CallCheck['what'], name: string, call: TesterCallOptions | undefined, run: (c: Context) => Promise<ActionResult<unknown>>) =>
    timed(() =>
      checkedCall(
        { ext, what, name, ctx: as(what === 'function' ? 'chat_fn' : 'tool', call), throwOnError: options.throwOnError === true },
        run,
        call?.ctx ? (call.ctx as Partial<MockContext>).logs : ctx.logs,
      ),
    );

  return {
    ext,
    ctx,
    get clock(): FakeClock {
      if (!clock) throw new TypeError('the tester context was given a clock that is not a FakeClock');
      return clock;
    },
    call: ((name: string, params: unknown, call?: TesterCallOptions) => check('function', name, call, (c) => runFunction(ext, name, params, c))) as never,
    expose: (name, params, call) => check('expose', name, call, (c) => runExposed(ext, name, params, c)) as never,
    tool: (name, params, call) => timed(() => dispatch(ext, { kind: 'tool', name, params }, as('tool', call))),
    panel: (id, params, call) => timed(() => dispatch(ext, { kind: 'panel', id, params }, as('panel', call))),
    widget: (id, params, call) => timed(() => dispatch(ext, { kind: 'widget', id, params }, as('panel', call))),
    tray: (id, params, call) => timed(() => dispatch(ext, { kind: 'tray', id, params }, as('panel', call))),
    skeleton: (section, call) => timed(() => dispatch(ext, { kind: 'skeleton', section }, as('skeleton', call))),
    fireSchedule: (name, call) => timed(() => dispatch(ext, { kind: 'schedule', name }, as('system', call))),
    fireWebhook: (path, request = {}, call) =>
      timed(() => dispatch(ext, { kind: 'webhook', path, request: webhookRequest(path, request, ctx) }, as('webhook', call))),
    emitEvent: (eventType, data = {}, event = {}, call) =>
      timed(() =>
        dispatch(ext, { kind: 'event', event: new Event({ userId: ctx.user.imperalId, tenantId: ctx.user.tenantId, ...event, eventType, data }) }, as('system', call)),
      ),
    lifecycle: (hook, info = {}, call) => timed(() => dispatch(ext, { kind: 'lifecycle', hook, ...info }, as('system', call))),
    health: (call) => timed(() => dispatch(ext, { kind: 'health' }, as('system', call))),
    signWebhook: (sign) => signWebhook({ now: () => ctx.clock.now(), ...sign }),
    get chatMessages() {
      return [...ctx.platform.chat];
    },
    get backgroundTasks() {
      return ctx.background?.tasks ?? [];
    },
    settleBackgroundTasks: () => ctx.background?.settled() ?? Promise.resolve([]),
  };
}

function webhookRequest(path: string, request: FireWebhookRequest, ctx: MockContext): WebhookRequest {
  const body =
    request.body === undefined ? new Uint8Array() : typeof request.body === 'string' ? encoder.encode(request.body) : request.body instanceof Uint8Array ? request.body : encoder.encode(JSON.stringify(request.body));
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined && typeof request.body !== 'string' && !(request.body instanceof Uint8Array)) headers['content-type'] ??= 'application/json';
  if (request.sign) Object.assign(headers, signWebhook({ now: () => ctx.clock.now(), ...request.sign, body }).headers);
  return new WebhookRequest({ method: request.method ?? 'POST', headers, body, query: request.query, path });
}
