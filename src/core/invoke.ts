/**
 * Calling a handler: params validation, the call, and failure capture (logged with
 * the stack, reported without it, secret values masked). Shared by every
 * invocation kind of the dispatcher.
 *
 * @module
 */
import type { Context } from '../context/index.js';
import type { ActionResult } from '../types/action-result.js';
import { isPlainObject } from '../types/json.js';
import type { SystemOutcome } from './dispatch.js';
import type { HandlerRef } from './handler-ref.js';
import { attempt, errorStack } from './error-text.js';
import { describeError, errorResult, invalidParamsResult } from './outcomes.js';
import { typeName } from './results.js';
import type { CompiledSchema, ParseResult } from './schema.js';

/**
 * How an invocation's outcome is answered: `done` maps the handler's return value,
 * `failed` the `ActionResult` error made from invalid params or a thrown error.
 * Callers keep one constant per answer form, so the hot path allocates none.
 */
export interface Answer<R> {
  readonly done: (value: unknown) => R;
  readonly failed: (failure: ActionResult<unknown>) => R;
}

/**
 * Validates params, calls the handler, and shapes the outcome with `answer`.
 * `name` is what messages call the target (`create_task`, `panel 'sidebar'`).
 */
export async function invoke<R>(
  handler: HandlerRef,
  schema: CompiledSchema | undefined,
  name: string,
  params: unknown,
  ctx: Context,
  answer: Answer<R>,
): Promise<R> {
  try {
    let value: unknown = params ?? {};
    if (schema) {
      let parsed: ParseResult<unknown> | Promise<ParseResult<unknown>> = schema.parse(value);
      if (parsed instanceof Promise) parsed = await parsed;
      if (!parsed.ok) return answer.failed(invalidParamsResult(quoteName(name), parsed.issues));
      value = parsed.value;
    } else if (!isPlainObject(value)) {
      return answer.failed(invalidParamsResult(quoteName(name), [{ path: '', message: `expected an object of named parameters, got ${typeName(value)}` }]));
    }
    return answer.done(await handler.call(ctx, value));
  } catch (error) {
    logFailure(ctx, quoteName(name), error);
    return answer.failed(errorResult(error, quoteName(name), redactWith(ctx)));
  }
}

/** Bare names are quoted in messages (`'create_task'`); descriptive ones (`panel 'x'`) are not. */
function quoteName(name: string): string {
  return name.includes(' ') ? name : `'${name}'`;
}

/** Runs a handler that answers with nothing but success or failure. */
export async function settle(ctx: Context, where: string, run: () => unknown): Promise<SystemOutcome> {
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
export function redactWith(ctx: Context): (text: string) => string {
  const redact = attempt(() => (ctx as Partial<Context> | null | undefined)?.redactSecrets, undefined);
  return typeof redact === 'function' ? (text) => attempt(() => String(redact.call(ctx, text)), text) : (text) => text;
}

interface LoggerLike {
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Reports a handler failure on `ctx.log` (with the stack, which never reaches the wire). */
export function logFailure(ctx: Context, where: string, error: unknown): void {
  try {
    const log = (ctx as { log?: LoggerLike } | null | undefined)?.log;
    if (!log || typeof log.error !== 'function') return;
    log.error(`${where} failed`, { error: errorStack(error) });
  } catch {
    // Logging must never turn a handled failure into an unhandled one.
  }
}
