/**
 * Result normalisation: what a handler returned, turned into what the wire carries.
 *
 * @module
 */
import { redactorOf } from '../context/redactor.js';
import { ActionResult } from '../types/action-result.js';
import { WebhookResponse } from '../types/webhook.js';
import { isPlainObject, isWireSerializable } from '../types/json.js';

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
export function typeName(value: unknown): string {
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

/**
 * `out` (a wire result, or an `ActionResult` for the tester) with every secret
 * value `ctx` has seen masked — in `error`, `summary`, `data`, `ui`, returned
 * error dicts, whatever path a value takes out of a handler. The dispatcher
 * applies it to everything it answers, so RPC replies are masked too. Unchanged
 * results are returned as they are.
 */
export function maskSecrets<T>(ctx: unknown, out: T): T {
  const redactor = redactorOf(ctx);
  if (!redactor || redactor.empty) return out;
  if (out instanceof ActionResult) {
    const dict = out.toDict();
    const masked = redactor.redactDeep(dict);
    return (masked === dict ? out : ActionResult.fromDict(masked as Record<string, unknown>)) as T;
  }
  if (out instanceof WebhookResponse) {
    // The HTTP answer of a webhook stays a WebhookResponse: only its body and headers are masked.
    const body = redactor.redactDeep(out.body);
    const headers = redactor.redactDeep(out.headers) as Record<string, string>;
    return (body === out.body && headers === out.headers ? out : new WebhookResponse(out.statusCode, body, headers)) as T;
  }
  return redactor.redactDeep(out) as T;
}

/** A value's wire form: `toDict()` when it has one, else the value itself. */
export function wireForm(value: unknown): unknown {
  return isWireSerializable(value) ? value.toDict() : value;
}
