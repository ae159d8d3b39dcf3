/**
 * What `dispatch()` checks around every run: the invocation's shape before (a
 * `ValidationError`, never a `TypeError`), and the wire result after (it must be
 * JSON that can be written, within the size limits). A result that fails becomes
 * the invocation kind's own error form with `INTERNAL_ERROR` or `RESULT_TOO_LARGE`.
 *
 * @module
 */
import type { Context } from '../context/index.js';
import { ValidationError } from '../errors.js';
import { ActionResult } from '../types/action-result.js';
import { HealthStatus } from '../types/health.js';
import { WebhookResponse } from '../types/webhook.js';
import type { Invocation } from './dispatch.js';
import { attempt, errorText } from './error-text.js';
import type { Extension } from './extension.js';
import { logFailure, redactWith } from './invoke.js';
import { DispatchCodes } from './outcomes.js';
import { rememberWireJson, wireSizeBound, writeWireJson } from './wire-json.js';

/** Options of `dispatch()`. */
export interface DispatchOptions {
  /** Largest wire result, in bytes of JSON (default 1 MiB); larger ones become `RESULT_TOO_LARGE`. */
  readonly maxResultBytes?: number;
  /** Longest error message, in UTF-8 bytes (default 1 MiB); longer ones become `RESULT_TOO_LARGE`. */
  readonly maxErrorMessageBytes?: number;
}

/** Default of {@link DispatchOptions.maxResultBytes} and {@link DispatchOptions.maxErrorMessageBytes}: 1 MiB. */
export const DEFAULT_MAX_RESULT_BYTES = 1024 * 1024;

const REMEMBER_FROM = 16 * 1024;

/** Limits with their defaults applied. */
export interface DispatchLimits {
  readonly maxResultBytes: number;
  readonly maxErrorMessageBytes: number;
}

const DEFAULT_LIMITS: DispatchLimits = { maxResultBytes: DEFAULT_MAX_RESULT_BYTES, maxErrorMessageBytes: DEFAULT_MAX_RESULT_BYTES };

/** Applies defaults; a limit that is not a positive integer is a `ValidationError` naming it. */
export function resolveLimits(options: DispatchOptions | undefined): DispatchLimits {
  if (options === undefined) return DEFAULT_LIMITS;
  if (options === null || typeof options !== 'object') throw new ValidationError('options', 'dispatch options must be an object');
  const read = (name: keyof DispatchOptions): number => {
    const value = options[name];
    if (value === undefined) return DEFAULT_MAX_RESULT_BYTES;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      throw new ValidationError(name, `${name} must be a positive whole number of bytes (default ${DEFAULT_MAX_RESULT_BYTES})`);
    }
    return value;
  };
  return { maxResultBytes: read('maxResultBytes'), maxErrorMessageBytes: read('maxErrorMessageBytes') };
}

const LIFECYCLE_HOOKS = new Set(['on_install', 'on_uninstall', 'on_enable', 'on_disable', 'on_upgrade']);
const KINDS_BY_FIELD: Readonly<Record<string, 'name' | 'id' | 'section' | 'path' | null>> = {
  function: 'name',
  expose: 'name',
  tool: 'name',
  schedule: 'name',
  signal: 'name',
  panel: 'id',
  widget: 'id',
  tray: 'id',
  menu: 'id',
  skeleton: 'section',
  webhook: 'path',
  event: null,
  lifecycle: null,
  health: null,
};

/**
 * Reads the invocation once into a plain copy with checked fields, so getters and
 * Proxies cannot change it between the check and the run.
 *
 * @throws {@link ValidationError} naming the bad field.
 */
export function readInvocation(ext: unknown, raw: unknown): Invocation {
  if (ext === null || typeof ext !== 'object' || typeof (ext as { registry?: unknown }).registry !== 'object') {
    throw new ValidationError('ext', 'dispatch needs the Extension to run against as its first argument');
  }
  if (raw === null || typeof raw !== 'object') {
    throw new ValidationError('invocation', `an invocation must be an object like { kind: 'function', name, params }, got ${raw === null ? 'null' : typeof raw}`);
  }
  try {
    const source = raw as Record<string, unknown>;
    const kind = source.kind;
    // The hot path (chat functions and tools), without the generic walk below.
    if (kind === 'function' || kind === 'tool') {
      const name = source.name;
      if (typeof name === 'string') return { kind, name, params: source.params };
    }
    if (typeof kind !== 'string' || !Object.hasOwn(KINDS_BY_FIELD, kind)) {
      throw new ValidationError('kind', `unknown invocation kind ${describe(kind)}; see the Invocation type for the kinds`);
    }
    const copy: Record<string, unknown> = { kind };
    const field = KINDS_BY_FIELD[kind];
    if (field) {
      const value = source[field];
      if (typeof value !== 'string') throw new ValidationError(field, `a '${kind}' invocation needs '${field}' as a string, got ${describe(value)}`);
      copy[field] = value;
    }
    if ('params' in source) copy.params = source.params;
    if (kind === 'webhook') {
      const request = source.request ?? {};
      if (typeof request !== 'object') throw new ValidationError('request', `a webhook invocation's 'request' must be a WebhookRequest or its init object`);
      copy.request = request;
    }
    if (kind === 'event') copy.event = source.event;
    if (kind === 'lifecycle') {
      const { hook, version, fromVersion } = source;
      if (typeof hook !== 'string' || !LIFECYCLE_HOOKS.has(hook)) {
        throw new ValidationError('hook', `a lifecycle invocation needs 'hook', one of ${[...LIFECYCLE_HOOKS].join(', ')}; got ${describe(hook)}`);
      }
      for (const [name, value] of [['version', version], ['fromVersion', fromVersion]] as const) {
        if (value !== undefined && typeof value !== 'string') throw new ValidationError(name, `'${name}' must be a string when given`);
      }
      Object.assign(copy, { hook, version, fromVersion });
    }
    return copy as unknown as Invocation;
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError('invocation', `the invocation could not be read: ${errorText(error)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  return `a ${typeof value}`;
}

/** Builds the invocation kind's error form for a failure the dispatcher found after the handler ran. */
function failureFor(ext: Extension, inv: Invocation): (message: string, code: string) => unknown {
  const uiFailure = (kind: 'panel' | 'widget' | 'tray', id: string) => (message: string, code: string) => ({
    ui: { type: 'Error', props: { message } },
    [`${kind}_id`]: id,
    ...(kind === 'tray' ? { icon: ext.registry.trays.get(id)?.icon ?? 'Circle' } : {}),
    error: message,
    error_code: code,
  });
  const resultFailure = (message: string, code: string) => ActionResult.error(message, { code }).toDict();
  switch (inv.kind) {
    case 'panel':
    case 'widget':
    case 'tray':
      return uiFailure(inv.kind, inv.id);
    case 'skeleton':
      return (message, code) => ({ response: null, error: message, error_code: code });
    case 'schedule':
    case 'signal':
    case 'event':
    case 'lifecycle':
      return (message, code) => ({ status: 'error', error: message, error_code: code });
    case 'webhook':
      return () => WebhookResponse.error('internal error', 500).toDict();
    case 'health':
      return (message) => HealthStatus.unhealthy(message).toDict();
    case 'tool': {
      // Synthetic tool names answer in their own kind's form.
      const synthetic = /^__(panel|widget|tray|webhook)__(.+)$/.exec(inv.name);
      if (synthetic?.[1] === 'webhook') return () => WebhookResponse.error('internal error', 500).toDict();
      if (synthetic) return uiFailure(synthetic[1] as 'panel' | 'widget' | 'tray', synthetic[2]!);
      if (ext.registry.tools.get(inv.name)?.kind === 'skeleton') return (message, code) => ({ response: null, error: message, error_code: code });
      return resultFailure;
    }
    default:
      return resultFailure;
  }
}

/** What the invocation is called in messages. */
function targetOf(inv: Invocation): string {
  const named = inv as { name?: string; id?: string; section?: string; path?: string; hook?: string };
  const label = named.name ?? named.id ?? named.section ?? named.path ?? named.hook;
  return label === undefined ? inv.kind : `${inv.kind} '${label}'`;
}

/**
 * Checks a wire result: JSON-writable at every depth and within the limits. Returns
 * it unchanged when it is, else the kind's error form saying what is wrong and where.
 */
export function guardWire(ext: Extension, inv: Invocation, wire: unknown, limits: DispatchLimits, ctx: Context): unknown {
  let error: unknown;
  try {
    error = wire !== null && typeof wire === 'object' ? (wire as { error?: unknown }).error : undefined;
  } catch {
    error = undefined;
  }
  if (typeof error === 'string' && error.length * 3 > limits.maxErrorMessageBytes) {
    const bytes = Buffer.byteLength(error, 'utf8');
    if (bytes > limits.maxErrorMessageBytes) {
      return failureFor(ext, inv)(
        `The error message of ${targetOf(inv)} is ${bytes} bytes; the limit is ${limits.maxErrorMessageBytes} (maxErrorMessageBytes). Report a shorter message.`,
        DispatchCodes.RESULT_TOO_LARGE,
      );
    }
  }
  // Common case: a small plain result, known to fit without writing it.
  const bound = wireSizeBound(wire);
  if (bound >= 0 && bound <= limits.maxResultBytes) return wire;
  if (bound >= 0) {
    // Plain but possibly large: the native writer measures it exactly (and the encoder may reuse its text).
    const json = attempt(() => JSON.stringify(wire) as string | undefined, undefined);
    if (typeof json === 'string') {
      if (Buffer.byteLength(json, 'utf8') > limits.maxResultBytes) return tooLarge(ext, inv, limits);
      if (json.length >= REMEMBER_FROM && wire !== null && typeof wire === 'object') rememberWireJson(wire, json);
      return wire;
    }
  }
  const written = writeWireJson(wire, limits.maxResultBytes);
  if (written.ok) {
    // Large texts are kept for the reply encoder; small ones are cheaper to write again than to remember.
    if (written.json.length >= REMEMBER_FROM && wire !== null && typeof wire === 'object') rememberWireJson(wire, written.json);
    return wire;
  }
  if (written.tooLarge) return tooLarge(ext, inv, limits);
  // Keys chosen by the handler could be huge: the path in the message is cut.
  const where = written.path.length > 300 ? `${written.path.slice(0, 300)}…` : written.path || '(root)';
  const message = redactWith(ctx)(`Internal error in ${targetOf(inv)}: the result cannot be sent as JSON: ${where}: ${written.problem}`);
  logFailure(ctx, targetOf(inv), message);
  return failureFor(ext, inv)(message, DispatchCodes.INTERNAL_ERROR);
}

function tooLarge(ext: Extension, inv: Invocation, limits: DispatchLimits): unknown {
  return failureFor(ext, inv)(
    `The result of ${targetOf(inv)} is larger than ${limits.maxResultBytes} bytes of JSON (maxResultBytes). Return less data, e.g. one page at a time.`,
    DispatchCodes.RESULT_TOO_LARGE,
  );
}

/** A run that rejected although every runner catches: the kind's `INTERNAL_ERROR` form (a `ValidationError` stays a rejection). */
export function internalFailure(ext: Extension, inv: Invocation, error: unknown, ctx: Context): unknown {
  if (error instanceof ValidationError) throw error;
  logFailure(ctx, targetOf(inv), error);
  return failureFor(ext, inv)(redactWith(ctx)(`Internal error in ${targetOf(inv)}: ${errorText(error)}`), DispatchCodes.INTERNAL_ERROR);
}
