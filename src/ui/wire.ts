/**
 * Small helpers shared by every UI file: what counts as a plain object, what
 * the wire treats as "empty", camelCase → snake_case, and the recursive
 * conversion of a value into JSON data.
 *
 * @module
 */

/** Anything with a `toDict()` method: a UINode, a UIAction, or a foreign copy of either. */
export interface Serialisable {
  /** Returns the JSON wire form. */
  toDict(): unknown;
}

/** True for `{}`-style objects (object literal or `Object.create(null)`), false for arrays and class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True when `value` has a callable `toDict` (duck-typed so copies from another bundle still count). */
export function isSerialisable(value: unknown): value is Serialisable {
  return typeof value === 'object' && value !== null && typeof (value as { toDict?: unknown }).toDict === 'function';
}

/**
 * The wire's notion of "set": the platform omits optional props whose value is
 * `''`, `0`, `false`, `null`, `[]` or `{}`. Nodes and actions always count as set.
 */
export function isFilled(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return Boolean(value);
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

const snakeCache = new Map<string, string>();

/** `fullWidth` → `full_width`, `y2Keys` → `y2_keys`. Cached: the same few names repeat in every tree. */
export function toSnake(name: string): string {
  let out = snakeCache.get(name);
  if (out === undefined) {
    out = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    snakeCache.set(name, out);
  }
  return out;
}

/**
 * Converts a prop value into plain JSON data: nodes and actions through their
 * own `toDict()`, arrays and plain objects rebuilt. `null` inside nested data is
 * kept (the wire keeps it); `undefined` follows `JSON.stringify` (dropped from
 * objects, `null` in arrays). Other objects (e.g. `Date`) are returned as they
 * are and left to `JSON.stringify`.
 */
export function toWire(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toWire(item)));
  if (isSerialisable(value)) return value.toDict();
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item !== undefined) out[key] = toWire(item);
  }
  return out;
}
