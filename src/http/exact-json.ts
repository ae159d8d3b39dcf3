/**
 * JSON with exact large integers, at `JSON.parse` speed. Nanosecond timestamps
 * (and any other integer beyond 2^53) must keep every digit, but a lossless parser
 * written in JavaScript costs many times `JSON.parse`. So: `JSON.parse` the text,
 * then, only when the text holds a run of 16+ digits, scan it for integer tokens
 * that a double cannot hold and put them back as `bigint`s at their paths.
 *
 * The scan is a small tokenizer over text `JSON.parse` already accepted: it skips
 * strings with `indexOf`, so key names inside strings never match, and it knows
 * the path of every value, so key order and whitespace do not matter.
 *
 * @module
 */

type PathStep = string | number;
interface Frame {
  readonly array: boolean;
  /** Array: index of the current element. */
  index: number;
  /** Object: the current key's token (quotes included), `''` before the first key. */
  key: string;
  /** Object: the next string is a key. */
  expectKey: boolean;
}

// Integers up to 15 digits are always exact; 16 digits may not be (2^53 has 16).
const MAY_BE_UNSAFE = /\d{16}/;

/** End index (exclusive) of the string token starting at the quote at `start`. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let backslashes = 0;
    for (let i = quote - 1; text.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

function isNumberChar(code: number): boolean {
  // 0-9 - + . e E
  return (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69;
}

const keyOf = (token: string): string => (token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1));

/** Integer tokens of `text` that a double cannot hold exactly, with their paths. */
export function unsafeIntegers(text: string): Array<{ path: PathStep[]; digits: string }> {
  const found: Array<{ path: PathStep[]; digits: string }> = [];
  if (!MAY_BE_UNSAFE.test(text)) return found;
  const stack: Frame[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (code === 34 /* " */) {
      const end = stringEnd(text, i);
      if (top && !top.array && top.expectKey) {
        top.key = text.slice(i, end);
        top.expectKey = false;
      }
      i = end;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      stack.push({ array: code === 91, index: 0, key: '', expectKey: true });
      i++;
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      stack.pop();
      i++;
    } else if (code === 44 /* , */) {
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
      i++;
    } else if (code === 45 || (code >= 48 && code <= 57)) {
      let end = i + 1;
      while (end < length && isNumberChar(text.charCodeAt(end))) end++;
      const token = text.slice(i, end);
      const digits = code === 45 ? end - i - 1 : end - i;
      if (digits >= 16 && /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) {
        found.push({ path: stack.map((f) => (f.array ? f.index : keyOf(f.key))), digits: token });
      }
      i = end;
    } else {
      i++;
    }
  }
  return found;
}

/** Replaces the number at `path` with `value` when it is still the one parsed from `digits` (later duplicate keys win). */
function restore(root: unknown, path: readonly PathStep[], digits: string): void {
  let holder: unknown = root;
  for (let step = 0; step < path.length - 1; step++) {
    const key = path[step]!;
    if (holder === null || typeof holder !== 'object' || !Object.hasOwn(holder, key)) return;
    holder = (holder as Record<PathStep, unknown>)[key];
  }
  const last = path[path.length - 1];
  if (last === undefined || holder === null || typeof holder !== 'object' || !Object.hasOwn(holder, last)) return;
  const current = (holder as Record<PathStep, unknown>)[last];
  if (typeof current !== 'number' || current !== Number(digits)) return;
  // defineProperty: a key named `__proto__` stays an own data property.
  Object.defineProperty(holder, last, { value: BigInt(digits), writable: true, enumerable: true, configurable: true });
}

/** True when `text` from `from` on closes exactly one more object than it opens, at its very end. */
function closesRoot(text: string, from: number): boolean {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      i = stringEnd(text, i);
      continue;
    }
    if (code === 123 || code === 91) depth++;
    else if (code === 125 || code === 93) depth--;
    i++;
    if (depth < 0) {
      for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(i)) i++;
      return i >= text.length;
    }
  }
  return false;
}

/**
 * The digits of the integer after the last `"key":` in `text` when that key belongs
 * to the top-level object (checked by reading the rest of the text, short when the
 * key comes last, as the platform writes it); else undefined and the caller scans.
 */
function digitsAfterKey(text: string, key: string): string | undefined {
  const token = `"${key}"`;
  const at = text.lastIndexOf(token);
  // Not found, or an escaped opening quote: the match starts inside a string.
  if (at < 0 || text.charCodeAt(at - 1) === 92) return undefined;
  let i = at + token.length;
  const skipSpace = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(i)) i++;
  };
  skipSpace();
  if (text.charCodeAt(i) !== 58 /* : */) return undefined;
  i++;
  skipSpace();
  const start = i;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(i)) i++;
  // Only a whole integer token: digits not followed by a fraction or an exponent.
  if (i === start || isNumberChar(text.charCodeAt(i))) return undefined;
  return closesRoot(text, i) ? text.slice(start, i) : undefined;
}

/** True when a number under `value` is too large for its digits to be exact (or nesting is too deep to look). */
function holdsLargeNumber(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return value > Number.MAX_SAFE_INTEGER || value < -Number.MAX_SAFE_INTEGER;
  if (value === null || typeof value !== 'object') return false;
  // Deeper than this, the scan (which keeps its own stack) decides.
  if (depth > 200) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsLargeNumber(item, depth + 1)) return true;
    return false;
  }
  for (const key in value) if (holdsLargeNumber((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

function holdsOtherLargeNumber(root: Record<string, unknown>, top: Readonly<Record<string, bigint>>, only: readonly string[] | undefined): boolean {
  if (only) {
    for (const key of only) if (Object.hasOwn(root, key) && holdsLargeNumber(root[key], 1)) return true;
    return false;
  }
  for (const key in root) if (!Object.hasOwn(top, key) && holdsLargeNumber(root[key], 1)) return true;
  return false;
}

/** What {@link parseJsonExactTop} returns. */
export interface ExactParse {
  readonly value: unknown;
  /** Exact values of the `topKeys` that hold large integers (the parsed value still has their rounded numbers). */
  readonly top: Readonly<Record<string, bigint>>;
}

const NO_TOP: Readonly<Record<string, bigint>> = Object.freeze({});

/**
 * `JSON.parse`, with integers beyond 2^53 exact. `topKeys` names the top-level
 * fields expected to hold large integers (the envelope's nanoseconds): their digits
 * are read straight after their key, without scanning the text, and returned in
 * `top` (the parsed object is left as `JSON.parse` built it, which keeps it fast).
 * Any other large number — anywhere, or only under the top-level `deepKeys` when
 * given (the fields a caller keeps) — sends the text through the scan, which puts
 * `bigint`s into the value itself.
 *
 * @throws SyntaxError like `JSON.parse`.
 */
export function parseJsonExactTop(text: string, topKeys: readonly string[], deepKeys?: readonly string[]): ExactParse {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object') return { value, top: NO_TOP };
  const root = value as Record<string, unknown>;
  const top: Record<string, bigint> = {};
  let simple = !Array.isArray(value);
  for (const key of simple ? topKeys : []) {
    const current = Object.hasOwn(root, key) ? root[key] : undefined;
    if (typeof current !== 'number' || Number.isSafeInteger(current)) continue;
    const digits = digitsAfterKey(text, key);
    if (digits === undefined || Number(digits) !== current) {
      simple = false;
      break;
    }
    top[key] = BigInt(digits);
  }
  if (simple && !holdsOtherLargeNumber(root, top, deepKeys)) return { value, top };
  for (const { path, digits } of unsafeIntegers(text)) restore(value, path, digits);
  return { value, top: NO_TOP };
}

/** `JSON.parse`, with integers beyond 2^53 as exact `bigint`s in the value. @throws SyntaxError like `JSON.parse`. */
export function parseExactJson(text: string, topKeys: readonly string[] = []): unknown {
  const { value, top } = parseJsonExactTop(text, topKeys);
  for (const key of Object.keys(top)) Object.defineProperty(value, key, { value: top[key], writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * `JSON.stringify`, with `bigint`s written as plain integers digit for digit.
 * Values without bigints go through `JSON.stringify` alone.
 */
export function stringifyExactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (error) {
    if (!(error instanceof TypeError) || !/BigInt/i.test(error.message)) throw error;
  }
  // Bigints travel as marked strings, then lose their quotes and marks. The mark
  // is random per call, so no string in the value can imitate it.
  const mark = `\u0000${Math.random().toString(36).slice(2)}\u0000`;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${mark}${v.toString()}${mark}` : v)) ?? 'null';
  const escaped = JSON.stringify(mark).slice(1, -1).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text.replace(new RegExp(`"${escaped}(-?\\d+)${escaped}"`, 'g'), '$1');
}
