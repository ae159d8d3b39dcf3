/**
 * Reading a thrown value without throwing again. Handlers may throw anything:
 * `null`, symbols, `Object.create(null)`, Proxies whose traps throw, errors whose
 * `message` getter throws. Every reader here returns a string, whatever it is given.
 *
 * @module
 */

/** Runs `read`; any throw gives `fallback`. */
export function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** True when `value instanceof ctor`, false when even asking throws (a Proxy with a throwing trap). */
export function isInstance(value: unknown, ctor: abstract new (...args: never[]) => unknown): boolean {
  return attempt(() => value instanceof ctor, false);
}

/**
 * The message of a thrown value, for people: an `Error`'s message, a string as is,
 * a symbol's description, else `String(value)` — or a neutral description when
 * every way of reading it throws.
 */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error === 'symbol') return attempt(() => error.toString(), 'a symbol');
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return String(error);
  const message = attempt(() => (isInstance(error, Error) ? (error as Error).message : undefined), undefined);
  if (typeof message === 'string') return message;
  const text = attempt(() => String(error), undefined);
  return typeof text === 'string' ? text : 'a thrown value that cannot be read';
}

/** The stack of a thrown `Error` (for logs), else {@link errorText}. */
export function errorStack(error: unknown): string {
  const stack = attempt(() => (isInstance(error, Error) ? (error as Error).stack : undefined), undefined);
  return typeof stack === 'string' ? stack : errorText(error);
}
