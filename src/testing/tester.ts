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
  /** The context shared by every call (default: a new `MockContext` for the extension). */
  ctx?: MockContext;
  /** Options for the default `MockContext` (ignored when `ctx` is given). */
  context?: Omit<MockContextOptions, 'extension'>;
}

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
export interface Tester {
  /** The extension under test. */
  readonly ext: Extension;
  /** The context shared by calls that pass none. */
  readonly ctx: MockContext;
  /** The shared fake clock (advance it to expire cache entries, move `ctx.time`). */
  readonly clock: FakeClock;
  /** Calls a chat function; returns its `ActionResult` (validation errors included). */
  call<T = unknown>(name: string, params?: unknown, options?: TesterCallOptions): Promise<ActionResult<T>>;
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
}

const encoder = new TextEncoder();

/**
 * Creates a test harness for `ext`. Every call goes through the real dispatcher
 * (params validation, result normalisation, error capture) with `tester.ctx`,
 * seen from the surface each call simulates, unless the call passes its own `ctx`.
 *
 * @example
 * const t = createTester(ext);
 * const result = await t.call('create_task', { title: 'Milk' });
 * expect(result.ok).toBe(true);
 */
export function createTester(ext: Extension, options: TesterOptions = {}): Tester {
  requireExtension(ext, 'createTester(ext)');
  const ctx = options.ctx ?? new MockContext({ kind: 'chat_fn', ...options.context, extension: ext });
  const clock = ctx.clock instanceof FakeClock ? ctx.clock : undefined;
  const as = <K extends ContextKind>(kind: K, call?: TesterCallOptions): Context => call?.ctx ?? (ctx.withKind(kind) as ContextByKind[K]);

  return {
    ext,
    ctx,
    get clock(): FakeClock {
      if (!clock) throw new TypeError('the tester context was given a clock that is not a FakeClock');
      return clock;
    },
    call: (name, params, call) => runFunction(ext, name, params, as('chat_fn', call)) as never,
    expose: (name, params, call) => runExposed(ext, name, params, as('tool', call)) as never,
    tool: (name, params, call) => dispatch(ext, { kind: 'tool', name, params }, as('tool', call)),
    panel: (id, params, call) => dispatch(ext, { kind: 'panel', id, params }, as('panel', call)),
    widget: (id, params, call) => dispatch(ext, { kind: 'widget', id, params }, as('panel', call)),
    tray: (id, params, call) => dispatch(ext, { kind: 'tray', id, params }, as('panel', call)),
    skeleton: (section, call) => dispatch(ext, { kind: 'skeleton', section }, as('skeleton', call)),
    fireSchedule: (name, call) => dispatch(ext, { kind: 'schedule', name }, as('system', call)),
    fireWebhook: (path, request = {}, call) => dispatch(ext, { kind: 'webhook', path, request: webhookRequest(path, request, ctx) }, as('webhook', call)),
    emitEvent: (eventType, data = {}, event = {}, call) =>
      dispatch(ext, { kind: 'event', event: new Event({ userId: ctx.user.imperalId, tenantId: ctx.user.tenantId, ...event, eventType, data }) }, as('system', call)),
    lifecycle: (hook, info = {}, call) => dispatch(ext, { kind: 'lifecycle', hook, ...info }, as('system', call)),
    health: (call) => dispatch(ext, { kind: 'health' }, as('system', call)),
    signWebhook: (sign) => signWebhook({ now: () => ctx.clock.now(), ...sign }),
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
