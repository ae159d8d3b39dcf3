/**
 * What the tester adds around a chat-function (or exposed-method) call: an
 * unknown name fails at once naming the known ones, a success is checked
 * against the function's `returns:` schema, and a failure can be turned into a
 * thrown error carrying its real cause (`expectOk`, `throwOnError`).
 *
 * @module
 */
import type { Context } from '../context/context.js';
import type { LogRecord } from '../context/logger.js';
import type { Extension } from '../core/extension.js';
import type { ActionResult } from '../types/action-result.js';

/** One checked call. */
export interface CallCheck {
  readonly ext: Extension;
  readonly what: 'function' | 'expose';
  readonly name: string;
  readonly ctx: Context;
  readonly throwOnError: boolean;
}

/** Thrown by {@link expectOk} (and by calls with `throwOnError`): the failed call's real cause. */
export class TesterCallError extends Error {
  /** The failed result. */
  readonly result: ActionResult<unknown>;
  /** What the handler wrote to `ctx.log` during the call. */
  readonly logs: readonly LogRecord[];

  constructor(result: ActionResult<unknown>, logs: readonly LogRecord[], name?: string) {
    super(describeFailure(result, logs, name));
    this.name = 'TesterCallError';
    this.result = result;
    this.logs = logs;
  }
}

/** Thrown when a successful result's data does not match the function's `returns:` schema. */
export class ReturnsMismatchError extends Error {
  constructor(name: string, issues: ReadonlyArray<{ path: string; message: string }>) {
    super(
      `chat function '${name}' returned data that does not match its returns: schema: ` +
        issues.map((i) => `${i.path || '<data>'}: ${i.message}`).join('; ') +
        '. Fix the handler or the schema (the manifest publishes the schema as return_schema).',
    );
    this.name = 'ReturnsMismatchError';
  }
}

// Log lines written during each failed call, for expectOk().
const failures = new WeakMap<object, { name: string; logs: readonly LogRecord[] }>();

/**
 * Returns `result` when it succeeded; otherwise throws a {@link TesterCallError}
 * whose message is the real cause: the error, its code and the `ctx.log` lines
 * the call wrote (stack traces included).
 *
 * @example
 * const { data } = expectOk(await t.call('create_task', { title: 'Milk' }));
 */
export function expectOk<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) return result;
  const seen = failures.get(result);
  throw new TesterCallError(result as ActionResult<unknown>, seen?.logs ?? [], seen?.name);
}

/** Runs a tester call with the checks above; `logs` is the tester context's log (to cut this call's lines from). */
export async function checkedCall(check: CallCheck, run: (ctx: Context) => Promise<ActionResult<unknown>>, logs?: LogRecord[]): Promise<ActionResult<unknown>> {
  const records = check.what === 'function' ? check.ext.registry.functions : check.ext.registry.exposed;
  const record = records.get(check.name);
  if (!record) {
    const kind = check.what === 'function' ? 'chat function' : 'exposed method';
    const known = [...records.keys()];
    throw new TypeError(
      `No ${kind} named '${check.name}' on '${check.ext.appId}'. ` + (known.length ? `Known: ${known.map((k) => `'${k}'`).join(', ')}.` : `It registers none.`),
    );
  }
  const before = logs?.length ?? 0;
  const result = await run(check.ctx);
  if (!result.ok) {
    const written = logs ? logs.slice(before) : [];
    failures.set(result, { name: check.name, logs: written });
    if (check.throwOnError) throw new TesterCallError(result, written, check.name);
    return result;
  }
  const returns = 'returns' in record ? record.returns : undefined;
  if (returns) {
    let parsed = returns.parse(result.data);
    if (parsed instanceof Promise) parsed = await parsed;
    if (!parsed.ok) throw new ReturnsMismatchError(check.name, parsed.issues);
  }
  return result;
}

function describeFailure(result: ActionResult<unknown>, logs: readonly LogRecord[], name?: string): string {
  const lines = [`${name ? `'${name}' ` : ''}failed: ${result.error ?? '(no error message)'}${result.errorCode ? ` [${result.errorCode}]` : ''}`];
  if (logs.length > 0) {
    lines.push('ctx.log during the call:');
    for (const r of logs) {
      const fields = Object.keys(r.fields).length ? ` ${JSON.stringify(r.fields)}` : '';
      lines.push(`  ${r.level.toUpperCase()} ${r.message}${fields.replace(/\\n/g, '\n    ')}`);
    }
  }
  return lines.join('\n');
}
