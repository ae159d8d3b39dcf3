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
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      out.push(item === undefined ? null : toWire(item));
    }
    return out;
  }
  if (isSerialisable(value)) return value.toDict();
  return isPlainObject(value) ? copyPlain(value) : value;
}

/**
 * {@link toWire} of a plain object; with `skipNull` a `null` value is left out
 * too (a node's top-level props). One native spread copies the keys in order
 * (and, for the usual same-shaped objects, keeps the hidden class); then only
 * object values are replaced, which adds no keys. A value to leave out falls
 * back to the key-by-key {@link copyDefined}.
 */
export function copyPlain(source: Readonly<Record<string, unknown>>, skipNull = false): Record<string, unknown> {
  const out: Record<string, unknown> = { ...source };
  // for-in over the fresh copy: its own keys (a plain object inherits no enumerable ones), no key array allocated.
  for (const key in out) {
    const item = out[key];
    if (item === undefined || (skipNull && item === null)) return copyDefined(source, true, skipNull);
    if (typeof item === 'object' && item !== null) out[key] = toWire(item);
  }
  return out;
}

/**
 * Copies an object's own keys in order into `out` (a new object by default),
 * leaving out `undefined` values (`JSON.stringify` would drop them too) and,
 * with `skipNull`, `null` ones; `deep` converts each value with {@link toWire}.
 */
export function copyDefined(
  source: Readonly<Record<string, unknown>>,
  deep: boolean,
  skipNull = false,
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    const item = source[key];
    if (item === undefined || (skipNull && item === null)) continue;
    out[key] = deep ? toWire(item) : item;
  }
  return out;
}
