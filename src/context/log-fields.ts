/**
 * Turns whatever a handler passes as log fields into plain JSON data that any
 * sink can write: class instances, `URL`s, `Error`s, `Map`s, `Set`s, buffers,
 * bigints, symbols, cycles and throwing getters all become something readable,
 * and every string on the way (keys included) goes through the redactor, so a
 * custom sink never sees a secret value in clear.
 *
 * @module
 */

/** Nesting kept before a value is summarised as `[Object]`. */
const MAX_DEPTH = 8;
/** Entries kept per object, array, map or set. */
const MAX_ENTRIES = 200;

type Redact = (text: string) => string;

/** `fields` as plain, masked JSON data (a fresh object; the input is not touched). */
export function toLogFields(fields: unknown, redact: Redact): Record<string, unknown> {
  const value = toLogValue(fields, redact, 0, new WeakSet());
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === undefined ? {} : { value };
}

function toLogValue(value: unknown, redact: Redact, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redact(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return redact(value.toString());
    case 'symbol':
      return redact(value.toString());
    case 'function':
      return `[Function ${redact(value.name || 'anonymous')}]`;
    case 'undefined':
      return undefined;
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(obj);
  try {
    return describeObject(obj, redact, depth, seen);
  } catch {
    return '[Unreadable]';
  } finally {
    seen.delete(obj);
  }
}

function describeObject(obj: object, redact: Redact, depth: number, seen: WeakSet<object>): unknown {
  const next = (v: unknown): unknown => toLogValue(v, redact, depth + 1, seen);
  if (obj instanceof URL) return redact(withoutPassword(obj));
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof Error) return errorFields(obj, redact, next);
  // Bytes are summarised, never dumped: they may hold anything, in any encoding.
  if (ArrayBuffer.isView(obj)) return `[${obj.constructor.name} ${obj.byteLength} bytes]`;
  if (obj instanceof ArrayBuffer) return `[ArrayBuffer ${obj.byteLength} bytes]`;
  if (obj instanceof RegExp) return redact(String(obj));
  if (obj instanceof Map) {
    const out: Record<string, unknown> = {};
    let n = 0;
    for (const [k, v] of obj) {
      if (n++ >= MAX_ENTRIES) break;
      out[redact(typeof k === 'string' ? k : safeString(k))] = next(v);
    }
    return out;
  }
  if (obj instanceof Set) return [...obj].slice(0, MAX_ENTRIES).map(next);
  if (Array.isArray(obj)) return obj.slice(0, MAX_ENTRIES).map(next);
  const toJSON = (obj as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return next(toJSON.call(obj));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(obj).slice(0, MAX_ENTRIES)) {
    let v: unknown;
    try {
      v = (obj as Record<string, unknown>)[key];
    } catch {
      v = '[Unreadable]';
    }
    const logged = next(v);
    if (logged !== undefined) out[redact(key)] = logged;
  }
  return out;
}

function errorFields(err: Error, redact: Redact, next: (v: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { name: redact(String(err.name)), message: redact(String(err.message)) };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = next(code);
  if (typeof err.stack === 'string') out.stack = redact(err.stack);
  if (err.cause !== undefined) out.cause = next(err.cause);
  return out;
}

/** A URL as text, its password replaced (credentials in URLs are secrets whether declared or not). */
function withoutPassword(url: URL): string {
  if (!url.password) return url.href;
  const copy = new URL(url.href);
  copy.password = 'redacted';
  return copy.href;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[Unreadable]';
  }
}
