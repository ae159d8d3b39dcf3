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
import { ActionResult, type ActionResultDict } from '../types/action-result.js';
import type { EventDict, Event } from '../types/event.js';
import type { HealthStatusDict } from '../types/health.js';
import { isPlainObject } from '../types/json.js';
import type { WebhookRequest, WebhookRequestInit, WebhookResponseDict } from '../types/webhook.js';
import { guardWire, internalFailure, readInvocation, resolveLimits, type DispatchLimits, type DispatchOptions } from './dispatch-guard.js';
import { runEvent, runHealth, runLifecycle, runSystem, runWebhook } from './dispatch-system.js';
import type { Extension } from './extension.js';
import { invoke, logFailure, redactWith, type Answer } from './invoke.js';
import { errorText } from './error-text.js';
import { DispatchCodes, describeError } from './outcomes.js';
import type { ChatFunctionRecord, LifecycleKind } from './records.js';
import { maskSecrets, toActionResult, wireForm } from './results.js';
import { systemInvocationOf } from './wire-names.js';

export { matchesEventType } from './dispatch-system.js';
export { DEFAULT_MAX_RESULT_BYTES, type DispatchOptions } from './dispatch-guard.js';
export { toActionResult } from './results.js';

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
 * Runs an invocation against `ext` with `ctx` and returns its wire result. Never
 * rejects for anything a handler does (each kind answers in its own error form);
 * rejects with a `ValidationError` only for a malformed invocation or options.
 *
 * @example
 * const out = await dispatch(ext, { kind: 'function', name: 'create_task', params: { title: 'Milk' } }, ctx);
 */
export function dispatch<I extends Invocation>(ext: Extension, invocation: I, ctx: Context, options?: DispatchOptions): Promise<WireResults[I['kind']]> {
  let inv: Invocation;
  let limits: DispatchLimits;
  let record: ChatFunctionRecord | undefined;
  try {
    // Checked and copied up front: a malformed call rejects with a ValidationError (never a synchronous
    // throw), and getters cannot change the invocation mid-run.
    inv = readInvocation(ext, invocation);
    limits = resolveLimits(options);
    record = inv.kind === 'function' ? ext.registry.functions.get(inv.name) : undefined;
  } catch (error) {
    return Promise.reject(error instanceof ValidationError ? error : new ValidationError('ext', `the extension's registry cannot be read: ${errorText(error)}`));
  }
  // Hot path: a registered chat function is checked inside its own answer, without another async hop.
  if (record) return invoke(record.handler, record.params, (inv as { name: string }).name, (inv as { params?: unknown }).params, ctx, new Guarded(ext, inv, limits, ctx, AS_RESULT_DICT)) as Promise<WireResults[I['kind']]>;
  return routeGuarded(ext, inv, ctx, limits) as Promise<WireResults[I['kind']]>;
}

/** `answer` with the wire check applied to both outcomes (one object per call, no closures). */
class Guarded<R> implements Answer<unknown> {
  constructor(
    private readonly ext: Extension,
    private readonly inv: Invocation,
    private readonly limits: DispatchLimits,
    private readonly ctx: Context,
    private readonly answer: Answer<R>,
  ) {}

  // Every answer leaves through here: secret values the call has seen are masked in it.
  done(value: unknown): unknown {
    return maskSecrets(this.ctx, guardWire(this.ext, this.inv, this.answer.done(value), this.limits, this.ctx));
  }

  failed(failure: ActionResult<unknown>): unknown {
    return maskSecrets(this.ctx, guardWire(this.ext, this.inv, this.answer.failed(failure), this.limits, this.ctx));
  }
}

async function routeGuarded(ext: Extension, inv: Invocation, ctx: Context, limits: DispatchLimits): Promise<unknown> {
  let wire: unknown;
  try {
    wire = await route(ext, inv, ctx);
  } catch (error) {
    return maskSecrets(ctx, internalFailure(ext, inv, error, ctx));
  }
  return maskSecrets(ctx, guardWire(ext, inv, wire, limits, ctx));
}

// Not async itself: every branch returns its runner's promise (routeGuarded awaits it once).
function route(ext: Extension, inv: Invocation, ctx: Context): Promise<unknown> {
  switch (inv.kind) {
    case 'function':
      return runNamed(ext.registry.functions, 'chat function', inv.name, inv.params, ctx, AS_RESULT_DICT);
    case 'expose':
      return runNamed(ext.registry.exposed, 'exposed method', inv.name, inv.params, ctx, AS_RESULT_DICT);
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
  return runNamed(ext.registry.functions, 'chat function', name, params, ctx, AS_RESULT).then((out) => maskSecrets(ctx, out));
}

/** Runs an exposed method and returns its `ActionResult`. */
export function runExposed(ext: Extension, name: string, params: unknown, ctx: Context): Promise<ActionResult<unknown>> {
  return runNamed(ext.registry.exposed, 'exposed method', name, params, ctx, AS_RESULT).then((out) => maskSecrets(ctx, out));
}

/** Looks `name` up in `records` and invokes it; an unknown name is a NOT_FOUND failure listing the known ones. */
function runNamed<R>(
  records: ReadonlyMap<string, Pick<ChatFunctionRecord, 'handler' | 'params'>>,
  what: string,
  name: string,
  params: unknown,
  ctx: Context,
  answer: Answer<R>,
): Promise<R> {
  const record = records.get(name);
  if (!record) return Promise.resolve(answer.failed(notFoundResult(what, name, [...records.keys()])));
  return invoke(record.handler, record.params, name, params, ctx, answer);
}

const failureDict = (failure: ActionResult<unknown>): ActionResultDict => failure.toDict();
/** Answer with an `ActionResult` (the tester's calls). */
const AS_RESULT: Answer<ActionResult<unknown>> = { done: toActionResult, failed: (failure) => failure };
/** Answer with the `ActionResult` wire dict (function and exposed invocations). */
const AS_RESULT_DICT: Answer<ActionResultDict> = { done: (value) => toActionResult(value).toDict(), failed: failureDict };
/** Answer with the handler's own wire form (raw tools, menu items); failures as result dicts. */
const AS_WIRE_FORM: Answer<unknown> = { done: wireForm, failed: failureDict };

function notFoundResult(what: string, name: string, known: string[]): ActionResult<unknown> {
  const hint = known.length > 0 ? ` Known: ${known.map((k) => `'${k}'`).join(', ')}.` : '';
  return ActionResult.error(`No ${what} named '${name}' is registered.${hint}`, { code: DispatchCodes.NOT_FOUND });
}

/**
 * Runs a tool by its wire name: plain tools, `skeleton_refresh_<section>`, chat
 * functions, exposed methods, the synthetic `__panel__`/`__widget__`/`__tray__`/
 * `__menu__`/`__webhook__` names, and the system kinds' wire names (wire-names.ts).
 */
async function runTool(ext: Extension, name: string, params: unknown, ctx: Context): Promise<unknown> {
  const synthetic = /^__(panel|widget|tray|webhook|menu)__(.+)$/.exec(name);
  if (synthetic) {
    const [, kind, id] = synthetic as unknown as [string, 'panel' | 'widget' | 'tray' | 'webhook' | 'menu', string];
    if (kind === 'webhook') return runWebhook(ext, id, (params ?? {}) as WebhookRequestInit, ctx);
    if (kind === 'menu') return runMenu(ext, id, params, ctx);
    return runUI(ext, kind, id, params, ctx);
  }
  const system = name.startsWith('__') ? systemInvocationOf(name, params) : undefined;
  if (system) return route(ext, system, ctx);
  const tool = ext.registry.tools.get(name);
  if (tool?.kind === 'skeleton') return runSkeleton(ext, name.slice('skeleton_refresh_'.length), ctx);
  // Raw tools answer with whatever they return; only failures are reshaped.
  if (tool) return invoke(tool.handler, tool.params, name, params, ctx, AS_WIRE_FORM);
  if (ext.registry.functions.has(name)) return runNamed(ext.registry.functions, 'chat function', name, params, ctx, AS_RESULT_DICT);
  if (ext.registry.exposed.has(name)) return runNamed(ext.registry.exposed, 'exposed method', name, params, ctx, AS_RESULT_DICT);
  return notFoundResult('tool', name, [...ext.registry.tools.keys(), ...ext.registry.functions.keys()]).toDict();
}

/** Runs a menu item's handler; like a raw tool, it answers with what it returns. */
function runMenu(ext: Extension, id: string, params: unknown, ctx: Context): Promise<unknown> {
  const item = ext.registry.menuItems.get(id);
  if (!item) return Promise.resolve(notFoundResult('menu item', id, [...ext.registry.menuItems.keys()]).toDict());
  return invoke(item.handler, undefined, `menu item '${id}'`, params, ctx, AS_WIRE_FORM);
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
  return invoke(record.handler, schema, `${kind} '${id}'`, params, ctx, {
    done: (value) => envelope(wireForm(value)),
    failed: (failure) => fail(failure.error ?? '', failure.errorCode),
  });
}

async function runSkeleton(ext: Extension, section: string, ctx: Context): Promise<SkeletonOutcome> {
  const skeleton = ext.registry.skeletons.get(section);
  if (!skeleton) return { response: null, error: `No skeleton section named '${section}' is registered.`, error_code: DispatchCodes.NOT_FOUND };
  try {
    const result = await skeleton.tool.handler.call(ctx);
    const value = wireForm(result);
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

