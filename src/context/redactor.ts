/**
 * Keeps secret values out of logs and error messages: every value a context's
 * `ctx.secrets` reads or writes is remembered, and text that leaves the SDK
 * (log records, dispatcher error messages) has those values masked.
 *
 * @module
 */

/** What replaces a secret value. */
export const REDACTED = '[redacted]';

// Shorter values are too likely to occur by chance in ordinary text.
const MIN_LENGTH = 4;

/** Remembers secret values and masks them in text and in JSON-like data. */
export class SecretRedactor {
  readonly #values = new Set<string>();

  /** Remembers `value` (when it is a non-trivial string) and returns it unchanged. */
  remember<T extends string | null | undefined>(value: T): T {
    if (typeof value === 'string' && value.length >= MIN_LENGTH) this.#values.add(value);
    return value;
  }

  /** `text` with every remembered value replaced by `[redacted]`. */
  redact(text: string): string {
    let out = text;
    for (const value of this.#values) if (out.includes(value)) out = out.split(value).join(REDACTED);
    return out;
  }

  /** A copy of plain data (objects, arrays) with every string redacted; other values pass through. */
  redactDeep(value: unknown): unknown {
    if (this.#values.size === 0) return value;
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((item) => this.redactDeep(item));
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactDeep(item)]));
    }
    return value;
  }
}
