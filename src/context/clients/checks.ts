/**
 * Argument checks shared by the real clients and their mocks, so both reject
 * the same bad input with the same {@link ValidationError}.
 *
 * @module
 */
import { ValidationError } from '../../errors.js';
import { checkSegment } from '../../http/paths.js';
import { isPlainObject } from '../../types/json.js';

/**
 * A value that becomes one URL path segment (collection, id, section, app id…):
 * non-empty, not `.`/`..`, no `/`, `\` or control characters. The same helper
 * guards the real clients, the mocks and the local gateway.
 */
export { checkSegment as requireSegment, normalizeStoragePath, normalizeStoragePrefix } from '../../http/paths.js';

/** A non-empty string argument. */
export function requireName(field: string, value: unknown, example: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(field, `must be a non-empty string, e.g. '${example}'`);
  }
  return value;
}

/** A plain JSON object argument. */
export function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new ValidationError(field, `must be a plain object (got ${describeType(value)}); wrap other values as { value: ... }`);
  }
  return value;
}

/** An integer in `[min, max]`. */
export function requireIntIn(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(field, `must be an integer from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

/** Collection names used in system-wide scans must not contain wildcards, separators or spaces. */
export function requireScanCollection(value: unknown): string {
  const name = checkSegment('collection', value, 'tasks');
  if (/[:*?[\]/\s]/.test(name)) {
    throw new ValidationError('collection', `'${name}' must not contain ':', '*', '?', '[', ']', '/' or whitespace`);
  }
  return name;
}

/** `typeof` with `null` and arrays told apart, for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value;
}
