/**
 * The dispatcher's system kinds: schedules and signals, webhooks, events,
 * lifecycle hooks and the health check, each with its own argument shape and
 * its own answer.
 *
 * @module
 */
import type { Context } from '../context/index.js';
import { ValidationError } from '../errors.js';
import { Event, type EventDict } from '../types/event.js';
import { HealthStatus, type HealthStatusDict } from '../types/health.js';
import { healthFromResult } from './health-result.js';
import { isPlainObject, isWireSerializable } from '../types/json.js';
import { WebhookRequest, WebhookResponse, type WebhookRequestInit, type WebhookResponseDict } from '../types/webhook.js';
import { normaliseWebhookPath } from './checks.js';
import { errorText, isInstance } from './error-text.js';
import type { SystemOutcome } from './dispatch.js';
import type { Extension } from './extension.js';
import { logFailure, redactWith, settle } from './invoke.js';
import { DispatchCodes, describeError } from './outcomes.js';
import type { LifecycleKind } from './records.js';

/** Dispatcher kind: see docs/dispatch.md. */
export async function runSystem(ext: Extension, kind: 'schedule' | 'signal', name: string, ctx: Context): Promise<SystemOutcome> {
  const record = kind === 'schedule' ? ext.registry.schedules.get(name) : ext.registry.signals.get(name);
  if (!record) return { status: 'error', error: `No ${kind} named '${name}' is registered.`, error_code: DispatchCodes.NOT_FOUND };
  return settle(ctx, `${kind} '${name}'`, () => record.handler.call(ctx));
}

/** Dispatcher kind: see docs/dispatch.md. */
export async function runWebhook(ext: Extension, path: string, request: WebhookRequest | WebhookRequestInit, ctx: Context): Promise<WebhookResponseDict> {
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
    if (isInstance(error, ValidationError)) return WebhookResponse.error(redactWith(ctx)(errorText(error)), 400).toDict();
    return WebhookResponse.error('internal error', 500).toDict();
  }
}

/** Dispatcher kind: see docs/dispatch.md. */
export async function runEvent(ext: Extension, input: Event | EventDict, ctx: Context): Promise<SystemOutcome> {
  let event: Event;
  try {
    event = input instanceof Event ? input : Event.fromDict(input as unknown as Record<string, unknown>);
  } catch (error) {
    return { status: 'error', error: errorText(error), error_code: DispatchCodes.INVALID_PARAMS };
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

/** Dispatcher kind: see docs/dispatch.md. */
export async function runLifecycle(
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

/** Dispatcher kind: see docs/dispatch.md. */
export async function runHealth(ext: Extension, ctx: Context): Promise<HealthStatusDict> {
  const check = ext.registry.healthCheck;
  if (!check) return HealthStatus.ok().toDict();
  try {
    return healthFromResult(await check.handler.call(ctx));
  } catch (error) {
    logFailure(ctx, 'health check', error);
    return HealthStatus.unhealthy(describeError(error, 'health check', redactWith(ctx)).message).toDict();
  }
}
