/**
 * The dispatcher: the single path from an invocation (kind, name, params,
 * context) to a wire result. The tester, the CLI and the extension host all run
 * handlers through it, so validation, result normalisation and error capture
 * behave the same everywhere.
 *
 * No handler error escapes: each kind answers with its own error form.
 *
 * @module
 */
import type { Context } from '../context/index.js';
import { ValidationError } from '../errors.js';
import { normaliseWebhookPath } from './checks.js';
import { ActionResult, type ActionResultDict } from '../types/action-result.js';
import { Event, type EventDict } from '../types/event.js';
import { HEALTH_LEVELS, HealthStatus, type HealthLevel, type HealthStatusDict } from '../types/health.js';
import { isPlainObject, isWireSerializable } from '../types/json.js';
import { WebhookRequest, WebhookResponse, type WebhookRequestInit, type WebhookResponseDict } from '../types/webhook.js';
import type { Extension } from './extension.js';
import type { HandlerRef } from './handler-ref.js';
import { DispatchCodes, describeError, errorResult, invalidParamsResult } from './outcomes.js';
import type { LifecycleKind } from './records.js';
import type { CompiledSchema, ParseResult } from './schema.js';

/** Something the platform asks an extension to do. */
export type Invocation =
  | { readonly kind: 'function'; readonly name: string; readonly params?: unknown }
  | { readonly kind: 'expose'; readonly name: string; readonly params?: unknown }
  | { readonly kind: 'tool'; readonly name: string; readonly params?: unknown }
  | { readonly kind: 'panel'; readonly id: string; readonly params?: unknown }
  | { readonly kind: 'widget'; readonly id: string; readonly params?: unknown }
  | { readonly kind: 'tray'; readonly id: string; readonly params?: unknown }
  | { readonly kind: 'menu'; readonly id: string; readonly params?: unknown }
  | { readonly kind: 'skeleton'; readonly section: string }
  | { readonly kind: 'schedule'; readonly name: string }
  | { readonly kind: 'signal'; readonly name: string }
  | { readonly kind: 'webhook'; readonly path: string; readonly request: WebhookRequest | WebhookRequestInit }
  | { readonly kind: 'event'; readonly event: Event | EventDict }
  | { readonly kind: 'lifecycle'; readonly hook: LifecycleKind; readonly version?: string; readonly fromVersion?: string }
  | { readonly kind: 'health' };

/** The envelope panels, widgets and tray items answer with. */
export interface UIEnvelope {
  ui: unknown;
  panel_id?: string;
  widget_id?: string;
  tray_id?: string;
  icon?: string;
  /** Set when the handler failed (the `ui` is then an `Error` node). */
  error?: string;
  error_code?: string;
}

/** What schedules, signals, events and lifecycle hooks answer with. */
export interface SystemOutcome {
  status: 'ok' | 'error';
  /** Event invocations: how many handlers ran. */
  handled?: number;
  error?: string;
  error_code?: string;
}

/** What a skeleton refresh answers with. */
export interface SkeletonOutcome {
  response: unknown;
  error?: string;
  error_code?: string;
}

/** The wire result of each invocation kind. */
export interface WireResults {
  function: ActionResultDict;
  expose: ActionResultDict;
  tool: unknown;
  panel: UIEnvelope;
  widget: UIEnvelope;
  tray: UIEnvelope;
  menu: unknown;
  skeleton: SkeletonOutcome;
  schedule: SystemOutcome;
  signal: SystemOutcome;
  webhook: WebhookResponseDict;
  event: SystemOutcome;
  lifecycle: SystemOutcome;
  health: HealthStatusDict;
}

/**
 * Runs an invocation against `ext` with `ctx` and returns its wire result.
 *
 * @example
 * const out = await dispatch(ext, { kind: 'function', name: 'create_task', params: { title: 'Milk' } }, ctx);
 */
export function dispatch<I extends Invocation>(ext: Extension, invocation: I, ctx: Context): Promise<WireResults[I['kind']]> {
  return route(ext, invocation, ctx) as Promise<WireResults[I['kind']]>;
}

// Not async itself: every branch returns its runner's promise, so the hot path
// (a chat function) costs one async frame, like calling the handler directly.
function route(ext: Extension, inv: Invocation, ctx: Context): Promise<unknown> {
  switch (inv.kind) {
    case 'function': {
      const fn = ext.registry.functions.get(inv.name);
      if (!fn) return Promise.resolve(notFoundResult('chat function', inv.name, [...ext.registry.functions.keys()]).toDict());
      return invoke(fn.handler, fn.params, inv.name, inv.params, ctx, resultDict, failureDict);
    }
    case 'expose': {
      const method = ext.registry.exposed.get(inv.name);
      if (!method) return Promise.resolve(notFoundResult('exposed method', inv.name, [...ext.registry.exposed.keys()]).toDict());
      return invoke(method.handler, method.params, inv.name, inv.params, ctx, resultDict, failureDict);
    }
    case 'tool':
      return runTool(ext, inv.name, inv.params, ctx);
    case 'panel':
    case 'widget':
    case 'tray':
      return runUI(ext, inv.kind, inv.id, inv.params, ctx);
    case 'menu':
      return runMenu(ext, inv.id, inv.params, ctx);
    case 'skeleton':
      return runSkeleton(ext, inv.section, ctx);
    case 'schedule':
    case 'signal':
      return runSystem(ext, inv.kind, inv.name, ctx);
    case 'webhook':
      return runWebhook(ext, inv.path, inv.request, ctx);
    case 'event':
      return runEvent(ext, inv.event, ctx);
    case 'lifecycle':
      return runLifecycle(ext, inv.hook, inv.version, inv.fromVersion, ctx);
    case 'health':
      return runHealth(ext, ctx);
    default:
      return Promise.reject(
        new ValidationError('kind', `unknown invocation kind ${JSON.stringify((inv as { kind?: unknown }).kind)}; see the Invocation type for the kinds`),
      );
  }
}

/** Runs a chat function and returns its `ActionResult` (the tester's `call` uses this directly). */
export function runFunction(ext: Extension, name: string, params: unknown, ctx: Context): Promise<ActionResult<unknown>> {
  const fn = ext.registry.functions.get(name);
  if (!fn) return Promise.resolve(notFoundResult('chat function', name, [...ext.registry.functions.keys()]));
  return invoke(fn.handler, fn.params, name, params, ctx, toActionResult, asIs);
}

/** Runs an exposed method and returns its `ActionResult`. */
export function runExposed(ext: Extension, name: string, params: unknown, ctx: Context): Promise<ActionResult<unknown>> {
  const method = ext.registry.exposed.get(name);
  if (!method) return Promise.resolve(notFoundResult('exposed method', name, [...ext.registry.exposed.keys()]));
  return invoke(method.handler, method.params, name, params, ctx, toActionResult, asIs);
}

const asIs = <T>(value: T): T => value;
const resultDict = (value: unknown): ActionResultDict => toActionResult(value).toDict();
const failureDict = (failure: ActionResult<unknown>): ActionResultDict => failure.toDict();

/**
 * Validates params, calls the handler, and shapes the outcome: `done` maps the
 * handler's return value, `failed` the `ActionResult` error made from invalid params
 * or a thrown error. `name` is what messages call the target (`create_task`,
 * `panel 'sidebar'`).
 */
async function invoke<R>(
  handler: HandlerRef,
  schema: CompiledSchema | undefined,
  name: string,
  params: unknown,
  ctx: Context,
  done: (value: unknown) => R,
  failed: (failure: ActionResult<unknown>) => R,
): Promise<R> {
  try {
    let value: unknown = params ?? {};
    if (schema) {
      let parsed: ParseResult<unknown> | Promise<ParseResult<unknown>> = schema.parse(value);
      if (parsed instanceof Promise) parsed = await parsed;
      if (!parsed.ok) return failed(invalidParamsResult(quoteName(name), parsed.issues));
      value = parsed.value;
    } else if (!isPlainObject(value)) {
      return failed(invalidParamsResult(quoteName(name), [{ path: '', message: `expected an object of named parameters, got ${typeName(value)}` }]));
    }
    return done(await handler.call(ctx, value));
  } catch (error) {
    logFailure(ctx, quoteName(name), error);
    return failed(errorResult(error, quoteName(name), redactWith(ctx)));
  }
}

/** Bare names are quoted in messages (`'create_task'`); descriptive ones (`panel 'x'`) are not. */
function quoteName(name: string): string {
  return name.includes(' ') ? name : `'${name}'`;
}

/**
 * Turns whatever a handler returned into an `ActionResult`: results as they are,
 * result dicts rebuilt, plain data wrapped as `data` (scalars and arrays as
 * `{ result }`).
 *
 * @throws TypeError for values JSON cannot carry (maps, sets, bigints, class
 *   instances without `toJSON`), naming the type — the dispatcher reports it as an
 *   `INTERNAL_ERROR` instead of sending `{}`.
 */
export function toActionResult(value: unknown): ActionResult<unknown> {
  if (value instanceof ActionResult) return value;
  if (value === undefined || value === null) return ActionResult.success({});
  if (ActionResult.isActionResult(value)) return ActionResult.fromDict(value.toDict() as unknown as Record<string, unknown>);
  if (isPlainObject(value)) return looksLikeActionResultDict(value) ? ActionResult.fromDict(value) : ActionResult.success(value);
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') throw notJson(value);
  if (typeof value !== 'object' || Array.isArray(value)) return ActionResult.success({ result: value });
  if (isWireSerializable(value)) return ActionResult.success(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return ActionResult.success({ result: value });
  throw notJson(value);
}

function notJson(value: unknown): TypeError {
  return new TypeError(`the handler returned ${typeName(value)}, which JSON cannot carry; return a plain object, an array or an ActionResult`);
}

/** `a Map`, `a string`, `null` … for messages. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}

const RESULT_KEYS = new Set(['status', 'summary', 'data', 'error', 'error_code', 'retryable', 'ui', 'refresh_panels']);

/** A dict is taken as a result only when it has nothing but result keys, and an error one carries its message. */
function looksLikeActionResultDict(value: Record<string, unknown>): boolean {
  const status = value.status === 'success' || (value.status === 'error' && typeof value.error === 'string');
  return status && Object.keys(value).every((key) => RESULT_KEYS.has(key));
}

function notFoundResult(what: string, name: string, known: string[]): ActionResult<unknown> {
  const hint = known.length > 0 ? ` Known: ${known.map((k) => `'${k}'`).join(', ')}.` : '';
  return ActionResult.error(`No ${what} named '${name}' is registered.${hint}`, { code: DispatchCodes.NOT_FOUND });
}

/**
 * Runs a tool by its wire name: plain tools, `skeleton_refresh_<section>`, chat
 * functions, and the synthetic `__panel__`/`__widget__`/`__tray__`/`__webhook__` names.
 */
async function runTool(ext: Extension, name: string, params: unknown, ctx: Context): Promise<unknown> {
  const synthetic = /^__(panel|widget|tray|webhook|menu)__(.+)$/.exec(name);
  if (synthetic) {
    const [, kind, id] = synthetic as unknown as [string, 'panel' | 'widget' | 'tray' | 'webhook' | 'menu', string];
    if (kind === 'webhook') return runWebhook(ext, id, (params ?? {}) as WebhookRequestInit, ctx);
    if (kind === 'menu') return runMenu(ext, id, params, ctx);
    return runUI(ext, kind, id, params, ctx);
  }
  const tool = ext.registry.tools.get(name);
  if (tool?.kind === 'skeleton') return runSkeleton(ext, name.slice('skeleton_refresh_'.length), ctx);
  // Raw tools answer with whatever they return; only failures are reshaped.
  if (tool) return invoke(tool.handler, tool.params, name, params, ctx, wireForm, failureDict);
  if (ext.registry.functions.has(name)) return (await runFunction(ext, name, params, ctx)).toDict();
  if (ext.registry.exposed.has(name)) return (await runExposed(ext, name, params, ctx)).toDict();
  return notFoundResult('tool', name, [...ext.registry.tools.keys(), ...ext.registry.functions.keys()]).toDict();
}

/** Runs a menu item's handler; like a raw tool, it answers with what it returns. */
function runMenu(ext: Extension, id: string, params: unknown, ctx: Context): Promise<unknown> {
  const item = ext.registry.menuItems.get(id);
  if (!item) return Promise.resolve(notFoundResult('menu item', id, [...ext.registry.menuItems.keys()]).toDict());
  return invoke(item.handler, undefined, `menu item '${id}'`, params, ctx, wireForm, failureDict);
}

const ENVELOPE_KEY = { panel: 'panel_id', widget: 'widget_id', tray: 'tray_id' } as const;

async function runUI(ext: Extension, kind: 'panel' | 'widget' | 'tray', id: string, params: unknown, ctx: Context): Promise<UIEnvelope> {
  const record =
    kind === 'panel' ? ext.registry.panels.get(id) : kind === 'widget' ? ext.registry.widgets.get(id) : ext.registry.trays.get(id);
  const envelope = (ui: unknown): UIEnvelope => {
    const out: UIEnvelope = { ui, [ENVELOPE_KEY[kind]]: id };
    if (kind === 'tray') out.icon = ext.registry.trays.get(id)?.icon ?? 'Circle';
    return out;
  };
  const fail = (message: string, code: string): UIEnvelope => ({
    ...envelope({ type: 'Error', props: { message } }),
    error: message,
    error_code: code,
  });
  if (!record) return fail(`No ${kind} named '${id}' is registered.`, DispatchCodes.NOT_FOUND);
  const schema = 'params' in record ? record.params : undefined;
  return invoke(record.handler, schema, `${kind} '${id}'`, params, ctx, (value) => envelope(wireForm(value)), (failure) => fail(failure.error ?? '', failure.errorCode));
}

/** A value's wire form: `toDict()` when it has one, else the value itself. */
function wireForm(value: unknown): unknown {
  return isWireSerializable(value) ? value.toDict() : value;
}

async function runSkeleton(ext: Extension, section: string, ctx: Context): Promise<SkeletonOutcome> {
  const skeleton = ext.registry.skeletons.get(section);
  if (!skeleton) return { response: null, error: `No skeleton section named '${section}' is registered.`, error_code: DispatchCodes.NOT_FOUND };
  try {
    const result = await skeleton.tool.handler.call(ctx);
    const value = isWireSerializable(result) ? result.toDict() : result;
    // The kernel stores `response`; a handler may return it bare or already wrapped
    // (a dict whose only key is `response`).
    if (isPlainObject(value) && 'response' in value && Object.keys(value).length === 1) return { response: value.response };
    return { response: value ?? {} };
  } catch (error) {
    logFailure(ctx, `skeleton '${section}'`, error);
    const outcome = describeError(error, `skeleton '${section}'`, redactWith(ctx));
    return { response: null, error: outcome.message, error_code: outcome.code };
  }
}

async function runSystem(ext: Extension, kind: 'schedule' | 'signal', name: string, ctx: Context): Promise<SystemOutcome> {
  const record = kind === 'schedule' ? ext.registry.schedules.get(name) : ext.registry.signals.get(name);
  if (!record) return { status: 'error', error: `No ${kind} named '${name}' is registered.`, error_code: DispatchCodes.NOT_FOUND };
  return settle(ctx, `${kind} '${name}'`, () => record.handler.call(ctx));
}

async function runWebhook(ext: Extension, path: string, request: WebhookRequest | WebhookRequestInit, ctx: Context): Promise<WebhookResponseDict> {
  const normalised = normaliseWebhookPath(path);
  const hook = ext.registry.webhooks.get(normalised);
  if (!hook) return WebhookResponse.error(`no webhook at ${normalised}`, 404).toDict();
  try {
    const req = request instanceof WebhookRequest ? request : new WebhookRequest({ method: hook.method, ...request, path: normalised });
    if (req.method !== hook.method) return WebhookResponse.error(`method ${req.method} not allowed; use ${hook.method}`, 405).toDict();
    const result = await hook.handler.call(ctx, req);
    if (result instanceof WebhookResponse) return result.toDict();
    if (isWireSerializable(result)) return WebhookResponse.json(result.toDict()).toDict();
    return (result === undefined ? WebhookResponse.ok() : WebhookResponse.json(result)).toDict();
  } catch (error) {
    logFailure(ctx, `webhook '${normalised}'`, error);
    // Bad input (a malformed request, a body that is not JSON) is the caller's to fix;
    // anything else stays inside: webhook callers are outside the platform.
    if (error instanceof ValidationError) return WebhookResponse.error(redactWith(ctx)(error.message), 400).toDict();
    return WebhookResponse.error('internal error', 500).toDict();
  }
}

async function runEvent(ext: Extension, input: Event | EventDict, ctx: Context): Promise<SystemOutcome> {
  let event: Event;
  try {
    event = input instanceof Event ? input : Event.fromDict(input as unknown as Record<string, unknown>);
  } catch (error) {
    return { status: 'error', error: (error as Error).message, error_code: DispatchCodes.INVALID_PARAMS };
  }
  const handlers = ext.registry.eventHandlers.filter((h) => matchesEventType(h.eventType, event.eventType));
  let handled = 0;
  for (const handler of handlers) {
    const outcome = await settle(ctx, `event handler '${handler.handlerName}'`, () => handler.handler.call(ctx, event));
    if (outcome.status === 'error') return { ...outcome, handled };
    handled++;
  }
  return { status: 'ok', handled };
}

/** Exact match, `*`, or a trailing `.*` wildcard (`mail.*` matches `mail.received`). */
export function matchesEventType(pattern: string, type: string): boolean {
  if (pattern === type || pattern === '*') return true;
  return pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));
}

async function runLifecycle(
  ext: Extension,
  hook: LifecycleKind,
  version: string | undefined,
  fromVersion: string | undefined,
  ctx: Context,
): Promise<SystemOutcome> {
  const key = hook === 'on_upgrade' ? `on_upgrade:${version ?? ext.version}` : hook;
  const record = ext.registry.lifecycle.get(key);
  // A hook the extension does not declare has nothing to do: that is success.
  if (!record) return { status: 'ok', handled: 0 };
  const info = fromVersion === undefined ? {} : { fromVersion };
  const outcome = await settle(ctx, `lifecycle hook '${key}'`, () => record.handler.call(ctx, info));
  return outcome.status === 'ok' ? { status: 'ok', handled: 1 } : outcome;
}

async function runHealth(ext: Extension, ctx: Context): Promise<HealthStatusDict> {
  const check = ext.registry.healthCheck;
  if (!check) return HealthStatus.ok().toDict();
  try {
    const result = await check.handler.call(ctx);
    if (result instanceof HealthStatus) return result.toDict();
    if (isPlainObject(result) && 'status' in result) {
      const details = isPlainObject(result.details) ? result.details : {};
      if (!(HEALTH_LEVELS as readonly unknown[]).includes(result.status)) {
        return HealthStatus.unhealthy(`health check returned an unknown status ${JSON.stringify(result.status)}`, details).toDict();
      }
      return new HealthStatus(result.status as HealthLevel, String(result.message ?? ''), details).toDict();
    }
    return result === false ? HealthStatus.unhealthy('health check returned false').toDict() : HealthStatus.ok().toDict();
  } catch (error) {
    logFailure(ctx, 'health check', error);
    return HealthStatus.unhealthy(describeError(error, 'health check', redactWith(ctx)).message).toDict();
  }
}

async function settle(ctx: Context, where: string, run: () => unknown): Promise<SystemOutcome> {
  try {
    await run();
    return { status: 'ok' };
  } catch (error) {
    logFailure(ctx, where, error);
    const outcome = describeError(error, where, redactWith(ctx));
    return { status: 'error', error: outcome.message, error_code: outcome.code };
  }
}

/** Masks the secret values `ctx` has seen (contexts from other hosts may not offer it). */
function redactWith(ctx: Context): (text: string) => string {
  const redact = (ctx as Partial<Context>).redactSecrets;
  return typeof redact === 'function' ? (text) => redact.call(ctx, text) : (text) => text;
}

interface LoggerLike {
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Reports a handler failure on `ctx.log` (with the stack, which never reaches the wire). */
function logFailure(ctx: Context, where: string, error: unknown): void {
  const log = (ctx as { log?: LoggerLike }).log;
  if (!log || typeof log.error !== 'function') return;
  try {
    log.error(`${where} failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } catch {
    // Logging must never turn a handled failure into an unhandled one.
  }
}
