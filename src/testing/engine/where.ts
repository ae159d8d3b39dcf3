/**
 * The in-memory store's filter and sort semantics (shared by `MockStore` and
 * the local gateway).
 *
 * @module
 */
import { isDeepStrictEqual } from 'node:util';
import { ValidationError } from '../../errors.js';
import { isPlainObject } from '../../types/json.js';

const OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists']);

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));
}

function matchOne(actual: unknown, cond: unknown, field: string): boolean {
  if (cond === null) return actual === null || actual === undefined;
  // Primitives compare directly; only objects need the deep comparison below.
  if (typeof cond !== 'object') return actual === cond;
  if (!isOperatorObject(cond)) return cond === null ? actual === null || actual === undefined : isDeepStrictEqual(actual, cond);
  for (const [op, arg] of Object.entries(cond)) {
    if (!OPERATORS.has(op)) throw new ValidationError(`where.${field}`, `unknown operator '${op}'; use one of ${[...OPERATORS].join(', ')}`);
    const ok =
      op === '$eq' ? isDeepStrictEqual(actual, arg)
      : op === '$ne' ? !isDeepStrictEqual(actual, arg)
      : op === '$in' ? Array.isArray(arg) && arg.some((x) => isDeepStrictEqual(actual, x))
      : op === '$nin' ? Array.isArray(arg) && !arg.some((x) => isDeepStrictEqual(actual, x))
      : op === '$exists' ? (actual !== undefined) === Boolean(arg)
      : actual !== undefined && actual !== null && (op === '$gt' ? compare(actual, arg) > 0 : op === '$gte' ? compare(actual, arg) >= 0 : op === '$lt' ? compare(actual, arg) < 0 : compare(actual, arg) <= 0);
    if (!ok) return false;
  }
  return true;
}

/** Compiles `where` once into a predicate over document data (every condition must hold). */
export function compileWhere(where: Readonly<Record<string, unknown>>): (data: Readonly<Record<string, unknown>>) => boolean {
  const conds = Object.entries(where);
  return (data) => {
    for (const [field, cond] of conds) if (!matchOne(data[field], cond, field)) return false;
    return true;
  };
}

/** A comparator for `orderBy` (`field` or `-field`); `pick` reads a field of an item. Missing values sort last. */
export function orderComparator<T>(orderBy: string, pick: (item: T, field: string) => unknown): (a: T, b: T) => number {
  const desc = orderBy.startsWith('-');
  const field = desc ? orderBy.slice(1) : orderBy;
  return (a, b) => {
    const x = pick(a, field);
    const y = pick(b, field);
    const xm = x === undefined || x === null;
    const ym = y === undefined || y === null;
    if (xm || ym) return xm === ym ? 0 : xm ? 1 : -1;
    const c = compare(x, y);
    return desc ? -c : c;
  };
}
