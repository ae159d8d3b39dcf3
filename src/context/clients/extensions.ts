/**
 * `ctx.extensions`: calls methods other extensions expose (`ext.expose`) and
 * emits events, both over the gateway's HTTP API (a TS extension does not
 * share a process with the others).
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { CircularCallError, ExtensionError } from '../../errors.js';
import { seg, type CallOptions, type WriteOptions } from '../../http/gateway.js';
import { requireName, requireSegment } from './checks.js';
import type { ClientScope } from './scope.js';

/** Longest chain of nested extension calls, the caller included. */
export const MAX_CALL_DEPTH = 8;
const CALL_TIMEOUT_MS = 30_000;
const EMIT_TIMEOUT_MS = 10_000;
/** Header carrying the chain of calling app ids, oldest first. */
export const CALL_STACK_HEADER = 'x-imperal-call-stack';

/** The `ctx.extensions` interface, implemented by the gateway client and `MockExtensions`. */
export interface ExtensionsClient {
  /** Calls `method` exposed by `appId` and returns its result data. */
  call<T = unknown>(appId: string, method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<T>;
  /** Publishes `<this app>.<eventType>` to subscribers. Resolves once the platform accepted it. */
  emit(eventType: string, data?: Record<string, unknown>, options?: WriteOptions): Promise<void>;
}

/** Rejects cycles and over-deep chains before anything is sent (shared with the mock). */
export function checkCallChain(callStack: readonly string[], appId: string, method: string): string[] {
  requireSegment('appId', appId, 'billing-tools');
  requireName('method', method, 'get_invoice');
  const next = [...callStack, appId];
  if (callStack.includes(appId)) throw new CircularCallError(next);
  if (next.length > MAX_CALL_DEPTH) throw new ExtensionError(appId, `Call depth exceeded (${MAX_CALL_DEPTH}): ${next.join(' -> ')}`);
  return next;
}

/** The full event type: `<app>.<event>`, unless `eventType` already carries the app prefix. */
export function qualifyEvent(appId: string, eventType: string): { scope: string; action: string; eventType: string } {
  requireName('eventType', eventType, 'task.created');
  const action = eventType.startsWith(`${appId}.`) ? eventType.slice(appId.length + 1) : eventType;
  return { scope: appId, action, eventType: `${appId}.${action}` };
}

/** Reads a `CallResponse`; an `error` status becomes an {@link ExtensionError}. */
export function callResult<T>(appId: string, raw: Record<string, unknown>): T {
  if (raw.status === 'error') throw new ExtensionError(appId, typeof raw.error === 'string' ? raw.error : 'call failed');
  return raw.data as T;
}

/** `ctx.extensions` over `POST /v1/extensions/{app}/call` and `POST /v1/internal/events/publish`. */
export class GatewayExtensionsClient implements ExtensionsClient {
  constructor(
    private readonly scope: ClientScope,
    private readonly callStack: readonly string[] = [scope.extensionId],
  ) {}

  async call<T = unknown>(appId: string, method: string, params: Record<string, unknown> = {}, options?: CallOptions): Promise<T> {
    const stack = checkCallChain(this.callStack, appId, method);
    const s = this.scope;
    const reply = await s.http.call({
      what: 'extensions.call',
      resource: ['method', `${appId}.${method}`],
      method: 'POST',
      path: `/v1/extensions/${seg(appId, 'appId')}/call`,
      headers: { ...s.service(), 'x-acting-user': s.userId, 'x-extension-id': s.extensionId, [CALL_STACK_HEADER]: stack.join(',') },
      json: { user_id: s.userId, tenant_id: s.tenantId, function: method, params },
      timeoutMs: CALL_TIMEOUT_MS,
      options,
    });
    return callResult<T>(appId, reply.object());
  }

  async emit(eventType: string, data: Record<string, unknown> = {}, options?: WriteOptions): Promise<void> {
    const s = this.scope;
    const { scope, action } = qualifyEvent(s.extensionId, eventType);
    // The event id doubles as idempotency key: a retried publish is de-duplicated.
    const id = options?.idempotencyKey ?? randomUUID();
    await s.http.call({
      what: 'extensions.emit',
      method: 'POST',
      path: '/v1/internal/events/publish',
      headers: s.service(),
      json: { tenant_id: s.tenantId, scope, action, id, actor: s.extensionId, user_id: s.userId, data },
      timeoutMs: EMIT_TIMEOUT_MS,
      options: { ...options, idempotencyKey: id },
    });
  }
}
