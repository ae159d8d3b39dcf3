/**
 * How the dispatcher turns thrown errors and failed validation into wire-safe
 * outcomes: a stable code, a message without stack traces, and whether trying
 * again may help.
 *
 * @module
 */
import { APIError, ImperalError, RateLimitError, type ValidationIssue } from '../errors.js';
import { ActionResult } from '../types/action-result.js';
import { attempt, errorText, isInstance } from './error-text.js';

/** Error codes the dispatcher itself produces. */
export const DispatchCodes = {
  /** Params failed the function's schema. */
  INVALID_PARAMS: 'INVALID_PARAMS',
  /** No function/tool/panel/… of that name is registered. */
  NOT_FOUND: 'NOT_FOUND',
  /** The handler threw something that is not an SDK error, or returned what JSON cannot carry. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** The result (or the error message) is larger than the dispatcher's limit. */
  RESULT_TOO_LARGE: 'RESULT_TOO_LARGE',
} as const;

/** A failure reduced to what may travel on the wire. */
export interface ErrorOutcome {
  readonly message: string;
  readonly code: string;
  readonly retryable: boolean;
}

/**
 * Classifies a thrown value. SDK errors keep their message and code (upper-cased:
 * `not_found` → `NOT_FOUND`); anything else
 * becomes `INTERNAL_ERROR` with the error's message only (never its stack). `redact`
 * masks secret values the call has seen.
 */
export function describeError(error: unknown, where: string, redact: (text: string) => string = (text) => text): ErrorOutcome {
  // Never throws: the thrown value may be anything (a Proxy, an object whose getters throw, a symbol).
  const mask = (text: string): string => attempt(() => redact(text), text);
  if (isInstance(error, ImperalError)) {
    const sdk = error as ImperalError;
    const code = attempt(() => sdk.code, undefined);
    if (typeof code === 'string' && code) {
      const retryable = attempt(
        () => sdk instanceof RateLimitError || (sdk instanceof APIError && (sdk.statusCode === 0 || sdk.statusCode >= 500)) || code === 'timeout',
        false,
      );
      // Wire error codes are UPPER_SNAKE, like the dispatcher's own; `ImperalError.code` keeps its Python spelling.
      return { message: mask(errorText(sdk)), code: code.toUpperCase(), retryable };
    }
  }
  return { message: mask(`Internal error in ${where}: ${errorText(error)}`), code: DispatchCodes.INTERNAL_ERROR, retryable: false };
}

/** The `ActionResult` for a thrown value. */
export function errorResult(error: unknown, where: string, redact?: (text: string) => string): ActionResult<Record<string, unknown>> {
  const outcome = describeError(error, where, redact);
  return ActionResult.error(outcome.message, { code: outcome.code, retryable: outcome.retryable });
}

const MISSING = /^Invalid input: expected (\w+), received undefined$/;

/** One issue as a phrase an LLM can act on: `'title' is required (a string)`. */
function phrase(issue: ValidationIssue): string {
  const field = issue.path ? `'${issue.path}'` : 'the params object';
  const missing = MISSING.exec(issue.message);
  if (missing) return `${field} is required (${missing[1]})`;
  return `${field}: ${issue.message}`;
}

/**
 * The error result for params that failed validation (`where` is e.g. `'create_task'`): the message names every bad
 * field and says to call again; `data.issues` lists them for programs.
 */
export function invalidParamsResult(where: string, issues: readonly ValidationIssue[]): ActionResult<Record<string, unknown>> {
  const message = `Invalid parameters for ${where}: ${issues.map(phrase).join('; ')}. Correct these fields and call ${where} again.`;
  return ActionResult.error(message, {
    code: DispatchCodes.INVALID_PARAMS,
    data: { issues: issues.map(({ path, message: text }) => ({ path, message: text })) },
  });
}
