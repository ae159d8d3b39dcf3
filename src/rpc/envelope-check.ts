/**
 * Hand-written checks of the RPC envelope and reply: the same rules, defaults,
 * issue paths and messages as the zod schemas in `envelope.ts` (which stay the
 * documented reference and are compared with these in tests), without zod's cost
 * on every call. Issues are collected in field order, so the first one — the
 * `ValidationError`'s `field` — is the one zod reports first.
 *
 * @module
 */
import { ValidationError, type ValidationIssue } from '../errors.js';
import { isPlainObject } from '../types/json.js';
import type { RpcReply, RpcRequest } from './envelope.js';

const INT_MAX = Number.MAX_SAFE_INTEGER;

/** The type name zod puts after `received`. */
function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (typeof value !== 'object') return typeof value;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name ? name : 'object';
}

class Checker {
  readonly issues: ValidationIssue[] = [];

  constructor(
    private readonly source: Record<string, unknown>,
    /** Exact values of large integer fields, read from the text (see `exact-json.ts`). */
    private readonly exact?: Readonly<Record<string, bigint>>,
  ) {}

  issue(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  private expected(path: string, type: string, value: unknown): void {
    this.issue(path, `Invalid input: expected ${type}, received ${received(value)}`);
  }

  version(): 1 {
    const v = this.source.v;
    if (v !== undefined && v !== 1) this.issue('v', 'Invalid input: expected 1');
    return 1;
  }

  string(key: string, min = 0, max = Infinity, value: unknown = this.source[key], path = key): string {
    if (typeof value !== 'string') {
      this.expected(path, 'string', value);
      return '';
    }
    if (value.length < min) this.issue(path, `Too small: expected string to have >=${min} characters`);
    else if (value.length > max) this.issue(path, `Too big: expected string to have <=${max} characters`);
    return value;
  }

  nullableString(key: string): string | null {
    const value = this.source[key];
    if (value === undefined || value === null) return null;
    return this.string(key);
  }

  strings(key: string): string[] {
    const value = this.source[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.expected(key, 'array', value);
      return [];
    }
    for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') this.expected(`${key}.${i}`, 'string', value[i]);
    return value as string[];
  }

  record(key: string, nullable: boolean): Record<string, unknown> | null {
    const value = this.source[key];
    if (value === undefined) return nullable ? null : {};
    if (value === null && nullable) return null;
    if (!isPlainObject(value)) {
      this.expected(key, 'record', value);
      return {};
    }
    return value;
  }

  nanoseconds(key: string): bigint {
    const value = this.exact?.[key] ?? this.source[key];
    if (typeof value === 'bigint') return value;
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (Math.abs(value) <= INT_MAX) return BigInt(value);
      this.issue(key, `Too ${value > 0 ? 'big' : 'small'}: expected int to be ${value > 0 ? '<=' : '>='}${value > 0 ? INT_MAX : -INT_MAX}`);
      return 0n;
    }
    if (typeof value === 'string') {
      if (/^-?\d+$/.test(value)) return BigInt(value);
      this.issue(key, 'Invalid string: must match pattern /^-?\\d+$/');
      return 0n;
    }
    this.issue(key, 'Invalid input');
    return 0n;
  }

  oneOf<T extends string>(key: string, options: readonly T[], value: unknown = this.source[key], path = key): T {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      this.issue(path, `Invalid option: expected one of ${options.map((o) => JSON.stringify(o)).join('|')}`);
    }
    return value as T;
  }

  fail(): never {
    const issues = this.issues;
    throw new ValidationError(issues[0]?.path ?? '', issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '), issues);
  }
}

function objectOrThrow(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const message = `Invalid input: expected object, received ${received(value)}`;
  throw new ValidationError('', `(root): ${message}`, [{ path: '', message }]);
}

/** Checks a request and returns it in wire order with defaults applied. @throws {@link ValidationError} */
export function checkRequest(input: unknown, exact?: Readonly<Record<string, bigint>>): RpcRequest {
  const c = new Checker(objectOrThrow(input), exact);
  const value: RpcRequest = {
    v: c.version(),
    corr_id: c.string('corr_id', 16, 64),
    user_id: c.string('user_id', 1, 128),
    tenant_id: c.string('tenant_id', 1, 64),
    agency_id: c.nullableString('agency_id'),
    email: c.string('email'),
    role: c.string('role'),
    scopes: c.strings('scopes'),
    attributes: c.record('attributes', false)!,
    app_id: c.string('app_id'),
    function: c.string('function'),
    params: c.record('params', false)!,
    reply_list: c.string('reply_list'),
    deadline_ns: c.nanoseconds('deadline_ns'),
    submitted_at_ns: c.nanoseconds('submitted_at_ns'),
  };
  if (c.issues.length > 0) c.fail();
  return value;
}

const CATEGORIES = ['application', 'infrastructure', 'timeout', 'schema_violation', 'tenant_mismatch'] as const;
const STATUSES = ['success', 'error'] as const;

function checkError(c: Checker, raw: unknown): RpcReply['error'] {
  if (raw === undefined || raw === null) return null;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    c.issue('error', `Invalid input: expected object, received ${received(raw)}`);
    return null;
  }
  const error = raw as Record<string, unknown>;
  const category = c.oneOf('category', CATEGORIES, error.category, 'error.category');
  const message = c.string('message', 0, Infinity, error.message, 'error.message');
  if (typeof error.retryable !== 'boolean') c.issue('error.retryable', `Invalid input: expected boolean, received ${received(error.retryable)}`);
  return { category, message, retryable: error.retryable as boolean };
}

/** Checks a reply and returns it in wire order with defaults applied. @throws {@link ValidationError} */
export function checkReply(input: unknown, exact?: Readonly<Record<string, bigint>>): RpcReply {
  const source = objectOrThrow(input);
  const c = new Checker(source, exact);
  const value: RpcReply = {
    v: c.version(),
    corr_id: c.string('corr_id', 16, 64),
    status: c.oneOf('status', STATUSES),
    result: c.record('result', true),
    worker_id: c.string('worker_id'),
    started_at_ns: c.nanoseconds('started_at_ns'),
    finished_at_ns: c.nanoseconds('finished_at_ns'),
    error: checkError(c, source.error),
  };
  const rawError = source.error ?? null;
  if (value.status === 'error' && !rawError) c.issue('error', "status 'error' needs an error");
  if (value.status === 'success' && rawError) c.issue('error', "status 'success' carries no error");
  if (c.issues.length > 0) c.fail();
  return value;
}
