/**
 * Turns everything that can go wrong while loading an extension into findings:
 * esbuild syntax/resolution errors (paths relative to the project root, as esbuild reports them), registration errors thrown by the SDK while
 * the module evaluates, and any other exception.
 *
 * @module
 */
import { RESERVED_DECORATOR_FIX, reservedDecoratorReceiver } from '../../core/reserved-decorator.js';
import { finding, type Finding, type Location } from '../finding.js';
import type { ChildError } from './protocol.js';

/** One esbuild message (the subset we read). */
interface EsbuildMessage {
  text: string;
  location?: { file: string; line: number; column: number; lineText: string } | null;
}

/** Whether `error` looks like esbuild's `BuildFailure`. */
export function isBuildFailure(error: unknown): error is { errors: EsbuildMessage[] } {
  return Array.isArray((error as { errors?: unknown } | null)?.errors);
}

/** Findings for an esbuild build failure, with file:line of each message. */
export function buildFailureFindings(failure: { errors: EsbuildMessage[] }): Finding[] {
  return failure.errors.map((msg) => {
    const loc = msg.location;
    const at: Location = loc ? { file: loc.file, line: loc.line, column: loc.column + 1 } : { file: '', line: 0 };
    const receiver = loc ? reservedDecoratorReceiver(loc.lineText) : undefined;
    if (receiver) {
      return finding('LOAD', 'ERROR',
        `'@${receiver}.function(' cannot be compiled: esbuild rejects a reserved word after the dot in a standard decorator (${msg.text})`,
        RESERVED_DECORATOR_FIX,
        at);
    }
    return finding('LOAD', 'ERROR', `Extension could not be bundled: ${msg.text}`, 'Fix the error at the reported line', at);
  });
}

/** The shape of the SDK's `RegistrationError`, matched by duck typing (the user's SDK copy may differ from ours). */
interface RegistrationErrorLike {
  message: string;
  subject: string;
  fix: string;
  rule?: string | undefined;
}

function isRegistrationError(error: unknown): error is RegistrationErrorLike {
  const e = error as Partial<RegistrationErrorLike> | null;
  return typeof e?.message === 'string' && typeof e.subject === 'string' && typeof e.fix === 'string';
}

/**
 * Registration problems and the validator rule that covers the same mistake,
 * most specific first (an emits error also mentions the app id).
 */
const RULE_HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bemits\b|prefixed by app_id/i, 'M7.3'],
  [/cache ?model/i, 'CACHE-MODEL-1'],
  [/\bslot\b/i, 'PANEL-SLOT-1'],
  [/action[_ ]?type/i, 'V4'],
  [/\bcron\b/i, 'CRON-1'],
  [/app[_ ]?id/i, 'V1'],
  [/\bversion\b/i, 'V2'],
];

/** The rule a registration error corresponds to (`LOAD` when none fits). */
export function ruleForRegistrationError(error: RegistrationErrorLike): string {
  if (typeof error.rule === 'string' && error.rule) return error.rule;
  const text = `${error.subject} ${error.message}`;
  return RULE_HINTS.find(([pattern]) => pattern.test(text))?.[1] ?? 'LOAD';
}

/** A finding for an exception thrown while the extension module evaluated. */
export function runtimeErrorFinding(error: unknown, at: Location | undefined): Finding {
  const where = at ?? { file: '', line: 0 };
  if (isRegistrationError(error)) {
    const message = error.message.replace(/\. Fix: [\s\S]*$/, '');
    return finding(ruleForRegistrationError(error), 'ERROR', message, error.fix, where);
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return finding('LOAD', 'ERROR', `Extension failed to load: ${text}`, 'Fix the error at the reported line; the module must import without side effects that fail', where);
}

/** A finding for anything thrown at import, as the child described it (`throw null` included). */
export function thrownFinding(error: ChildError, at: Location): Finding {
  const text = error.message !== undefined ? `${error.name ?? 'Error'}: ${error.message}` : `threw ${error.thrown ?? 'a value'} (not an Error)`;
  return finding('LOAD', 'ERROR', `Extension failed to load: ${text}`,
    'Fix the error at the reported line; the module must import without side effects that fail (throw Error objects, never other values)', at);
}
