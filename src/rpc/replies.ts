/**
 * Building replies, and running a request through the dispatcher the way an
 * extension host does.
 *
 * @module
 */
import type { Context } from '../context/context.js';
import { dispatch, type DispatchOptions } from '../core/dispatch.js';
import { attempt, errorText } from '../core/error-text.js';
import { rememberWireJson, rememberedWireJson } from '../core/wire-json.js';
import type { Extension } from '../core/extension.js';
import { ImperalError, ValidationError } from '../errors.js';
import { isPlainObject } from '../types/json.js';
import type { RpcErrorCategory, RpcReply, RpcRequest } from './envelope.js';

/** Longest error message a reply carries. */
export const RPC_ERROR_MESSAGE_MAX = 512;

/** Current time in nanoseconds since the epoch. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/** Options of {@link buildErrorReply}. */
export interface ErrorReplyOptions {
  corrId: string;
  category: RpcErrorCategory;
  message: string;
  retryable: boolean;
  workerId: string;
  startedAtNs: bigint;
  /** Default: now. */
  finishedAtNs?: bigint;
}

/** An error reply; the message is cut to {@link RPC_ERROR_MESSAGE_MAX} characters. */
export function buildErrorReply(options: ErrorReplyOptions): RpcReply {
  return {
    v: 1,
    corr_id: options.corrId,
    status: 'error',
    result: null,
    worker_id: options.workerId,
    started_at_ns: options.startedAtNs,
    finished_at_ns: options.finishedAtNs ?? nowNs(),
    error: { category: options.category, message: options.message.slice(0, RPC_ERROR_MESSAGE_MAX), retryable: options.retryable },
  };
}

/**
 * Whether the platform may cache a reply: successes, and errors that would repeat
 * (application, tenant mismatch, schema violation) — never infrastructure or timeouts.
 */
export function shouldCacheReply(reply: RpcReply): boolean {
  if (reply.status === 'success') return true;
  return reply.error?.category === 'application' || reply.error?.category === 'tenant_mismatch' || reply.error?.category === 'schema_violation';
}

/** Options of {@link runRpcRequest} (the dispatcher's result limits included). */
export interface RunRpcOptions extends DispatchOptions {
  /** Names this worker in replies. */
  workerId: string;
  /** Clock in nanoseconds (tests). */
  now?: () => bigint;
}

/**
 * Runs `request` against `ext`: checks the app and the deadline, dispatches the
 * function by its wire tool name with `ctx`, and wraps the wire result in a reply.
 * Handler failures travel inside the result (an `ActionResult` error dict); only
 * failures to run at all become error replies. Never rejects.
 *
 * Only a request refused because its deadline had passed is answered with
 * `retryable: true`: once dispatch began, the handler may have run (and written),
 * so running it again is not safe.
 */
export async function runRpcRequest(ext: Extension, request: RpcRequest, ctx: Context, options: RunRpcOptions): Promise<RpcReply> {
  const now = options.now ?? nowNs;
  const startedAtNs = now();
  const fail = (category: RpcErrorCategory, message: string, retryable: boolean): RpcReply =>
    buildErrorReply({
      corrId: String(request?.corr_id ?? ''),
      category,
      message,
      retryable,
      workerId: options.workerId,
      startedAtNs,
      finishedAtNs: now(),
    });
  try {
    if (request.app_id !== ext.appId) return fail('schema_violation', `request for app '${request.app_id}' reached '${ext.appId}'`, false);
    if (startedAtNs >= request.deadline_ns) return fail('timeout', 'deadline passed before the call started', true);
  } catch (error) {
    return fail('schema_violation', `the request cannot be read: ${errorText(error)}`, false);
  }
  try {
    const { maxResultBytes, maxErrorMessageBytes } = options;
    const name = request.function;
    // A chat function's name goes straight to the dispatcher's chat-function path (the
    // same answer the tool route gives it, without the route's extra steps).
    const kind = !name.startsWith('__') && !ext.registry.tools.has(name) && ext.registry.functions.has(name) ? 'function' : 'tool';
    const result = await dispatch(ext, { kind, name, params: request.params }, ctx, { maxResultBytes, maxErrorMessageBytes });
    return {
      v: 1,
      corr_id: request.corr_id,
      status: 'success',
      result: asResultObject(result),
      worker_id: options.workerId,
      started_at_ns: startedAtNs,
      finished_at_ns: now(),
      error: null,
    };
  } catch (error) {
    if (error instanceof ValidationError) return fail('schema_violation', error.message, false);
    // dispatch answers every handler outcome itself; reaching here means the host failed around it.
    return fail('infrastructure', error instanceof ImperalError ? errorText(error) : 'the extension host failed to run the call', false);
  }
}

/** The reply's `result` object: a plain object as is, anything else as `{ result }` (its checked JSON kept for the encoder). */
function asResultObject(result: unknown): Record<string, unknown> {
  if (attempt(() => isPlainObject(result), false)) return result as Record<string, unknown>;
  const wrapped = { result };
  const json = rememberedWireJson(result);
  if (json !== undefined) rememberWireJson(wrapped, `{"result":${json}}`);
  return wrapped;
}
