/**
 * JSON bodies from upstreams, parsed without silently rounding integers beyond
 * 2^53: such integers arrive as decimal **strings** with every digit kept
 * (`{"id": 9007199254740993}` → `{ id: '9007199254740993' }`), everything else as
 * `JSON.parse` gives it. Strings, not `bigint`s, so the value can be logged,
 * returned from a handler and re-serialised without a `TypeError`.
 *
 * @module
 */
import { isInteger, isSafeNumber, parse as parseLossless } from 'lossless-json';

/** A run of 16+ digits: the only way an unsafe integer can appear in the text. */
const LONG_DIGITS = /\d{16}/;

/** Number parser of the slow path: unsafe integers as strings, all else as numbers. */
function exactNumber(text: string): number | string {
  if (isSafeNumber(text)) return Number(text);
  return isInteger(text) ? text : Number(text);
}

/**
 * Parses JSON like `JSON.parse` (and throws like it on malformed input), except
 * that integers outside ±(2^53 − 1) become decimal strings.
 */
export function parseJsonExact(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // Fast path: nothing long enough to be an unsafe integer.
  if (!LONG_DIGITS.test(text)) return value;
  try {
    return parseLossless(text, null, exactNumber);
  } catch {
    // lossless-json is stricter than JSON.parse (e.g. on duplicate keys): keep JSON.parse's answer.
    return value;
  }
}
