/** A JSON value as it travels on the wire. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * True for objects built by `{}` / `Object.create(null)` (not arrays, class
 * instances, dates or maps). Used wherever a value must be a plain dict on the wire.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Anything with a `toDict()` method that yields its wire form (UI nodes, results). */
export interface WireSerializable {
  toDict(): unknown;
}

/** True when `value` has a callable `toDict()`. */
export function isWireSerializable(value: unknown): value is WireSerializable {
  return value !== null && typeof value === 'object' && typeof (value as WireSerializable).toDict === 'function';
}
