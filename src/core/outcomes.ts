/**
 * How the dispatcher turns thrown errors and failed validation into wire-safe
 * outcomes: a stable code, a message without stack traces, and whether trying
 * again may help.
 *
 * @module
 */
import { APIError, ImperalError, RateLimitError, type ValidationIssue } from '../errors.js';
import { ActionResult } from '../types/action-result.js';

/** Error codes the dispatcher itself produces. */
export const DispatchCodes = {
  /** Params failed the function's schema. */
  INVALID_PARAMS: 'INVALID_PARAMS',
  /** No function/tool/panel/… of that name is registered. */
  NOT_FOUND: 'NOT_FOUND',
  /** The handler threw something that is not an SDK error. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
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
  if (error instanceof ImperalError) {
    const retryable =
      error instanceof RateLimitError ||
      (error instanceof APIError && (error.statusCode === 0 || error.statusCode >= 500)) ||
      error.code === 'timeout';
    // Wire error codes are UPPER_SNAKE, like the dispatcher's own; `ImperalError.code` keeps its Python spelling.
    return { message: redact(error.message), code: error.code.toUpperCase(), retryable };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: redact(`Internal error in ${where}: ${detail}`), code: DispatchCodes.INTERNAL_ERROR, retryable: false };
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
