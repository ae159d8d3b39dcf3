/**
 * JSON bodies from upstreams, parsed without silently rounding integers beyond
 * 2^53: such integers arrive as decimal **strings** with every digit kept
 * (`{"id": 9007199254740993}` → `{ id: '9007199254740993' }`), everything else as
 * `JSON.parse` gives it. Strings, not `bigint`s, so the value can be logged,
 * returned from a handler and re-serialised without a `TypeError`.
 *
 * @module
 */
import { unsafeIntegers } from './exact-json.js';

/**
 * Parses JSON like `JSON.parse` (and throws like it on malformed input), except
 * that integers outside ±(2^53 − 1) become decimal strings.
 */
export function parseJsonExact(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // The scan is cheap and returns at once when no run of 16+ digits exists.
  const unsafe = unsafeIntegers(text);
  if (unsafe.length === 0) return value;
  if (typeof value !== 'object' || value === null) return unsafe[0]!.digits;
  for (const { path, digits } of unsafe) {
    let parent: unknown = value;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | null)?.[step];
    // A duplicate key may have replaced the container JSON.parse kept: then there is nothing to correct.
    if (typeof parent === 'object' && parent !== null && path.length > 0) (parent as Record<string | number, unknown>)[path[path.length - 1]!] = digits;
  }
  return value;
}
