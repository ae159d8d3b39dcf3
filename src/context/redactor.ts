/**
 * Keeps secret values out of logs, errors and results: every value a context's
 * `ctx.secrets` reads or writes is remembered, and text that leaves the SDK
 * (log records, dispatcher results and error messages) has it masked — raw,
 * URL-encoded, JSON-escaped and base64-encoded (also inside longer base64 text,
 * such as a `Basic` credential).
 *
 * Overlapping values are masked as the union of every match, so a longer value
 * containing a shorter one (or two values sharing characters) never leaves a
 * piece in clear.
 *
 * @module
 */

/** What replaces a secret value. */
export const REDACTED = '[redacted]';

/** Values `ctx.secrets.set` refuses below this length: too likely to occur by chance in ordinary text. */
export const MIN_SECRET_LENGTH = 4;

/** Values remembered per redactor; the least recently seen are forgotten beyond this. */
const MAX_VALUES = 1024;

/** Base64 fragments shorter than this are not masked (they would match ordinary base64 data by chance). */
const MIN_BASE64_FRAGMENT = 8;

/** The forms a value may take on its way out. */
function formsOf(value: string): string[] {
  const forms = new Set<string>([value]);
  try {
    forms.add(encodeURIComponent(value));
  } catch {
    // A lone surrogate cannot be percent-encoded, so it cannot travel in that form either.
  }
  forms.add(new URLSearchParams({ v: value }).toString().slice(2));
  forms.add(JSON.stringify(value).slice(1, -1));
  const bytes = Buffer.from(value, 'utf8');
  const b64 = bytes.toString('base64');
  for (const text of [b64, b64.replace(/=+$/, '')]) {
    forms.add(text);
    forms.add(text.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  // Inside longer base64 text the value starts at a byte offset of 0, 1 or 2 (mod 3):
  // the characters encoding only the value's own bits are the same whatever surrounds it.
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((8 * pad) / 6), Math.floor((8 * (pad + bytes.length)) / 6));
    if (core.length >= MIN_BASE64_FRAGMENT) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  forms.delete('');
  return [...forms];
}

/** Remembers secret values and masks them in text and in JSON-like data. */
export class SecretRedactor {
  /** value → its masked forms, least recently seen first. */
  readonly #values = new Map<string, readonly string[]>();
  /** Every form, longest first (rebuilt lazily after a change). */
  #forms: string[] | undefined;

  /** Remembers `value` (any non-empty string) and returns it unchanged. */
  remember<T extends string | null | undefined>(value: T): T {
    if (typeof value !== 'string' || value.length === 0) return value;
    const known = this.#values.get(value);
    this.#values.delete(value);
    this.#values.set(value, known ?? formsOf(value));
    if (this.#values.size > MAX_VALUES) this.#values.delete(this.#values.keys().next().value as string);
    if (!known) this.#forms = undefined;
    return value;
  }

  /** True when nothing has been remembered (masking is then a no-op). */
  get empty(): boolean {
    return this.#values.size === 0;
  }

  /** `text` with every remembered value (in any of its forms) replaced by `[redacted]`. */
  redact(text: string): string {
    if (this.#values.size === 0 || typeof text !== 'string' || text.length === 0) return text;
    this.#forms ??= [...new Set([...this.#values.values()].flat())].sort((a, b) => b.length - a.length);
    // Mark every character covered by any match, then replace each covered run once.
    let covered: Uint8Array | undefined;
    for (const form of this.#forms) {
      if (form.length > text.length) continue;
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
        covered ??= new Uint8Array(text.length);
        covered.fill(1, at, at + form.length);
      }
    }
    if (!covered) return text;
    let out = '';
    for (let i = 0; i < text.length; ) {
      if (covered[i]) {
        out += REDACTED;
        while (i < text.length && covered[i]) i++;
      } else {
        const start = i;
        while (i < text.length && !covered[i]) i++;
        out += text.slice(start, i);
      }
    }
    return out;
  }

  /**
   * `value` with every string inside it redacted. Unchanged parts are shared with
   * the input; a changed object comes back as plain data (class instances as their
   * `toDict()` / `toJSON()` / own enumerable fields) — the form it would travel in.
   */
  redactDeep(value: unknown): unknown {
    if (this.#values.size === 0) return value;
    return this.#deep(value, new WeakSet(), 0);
  }

  #deep(value: unknown, seen: WeakSet<object>, depth: number): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object' || depth > 64 || seen.has(value)) return value;
    seen.add(value);
    try {
      if (Array.isArray(value)) {
        let changed = false;
        const out = value.map((item) => {
          const masked = this.#deep(item, seen, depth + 1);
          changed ||= masked !== item;
          return masked;
        });
        return changed ? out : value;
      }
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
      const proto = Object.getPrototypeOf(value) as object | null;
      if (proto !== Object.prototype && proto !== null) {
        // A class instance travels as its wire / JSON form: mask that form, and keep
        // the instance itself when nothing in it needed masking.
        const o = value as { toDict?: () => unknown; toJSON?: () => unknown };
        const wire = typeof o.toDict === 'function' ? o.toDict() : typeof o.toJSON === 'function' ? o.toJSON() : { ...value };
        const masked = this.#deep(wire, seen, depth + 1);
        return masked === wire ? value : masked;
      }
      let changed = false;
      const entries = Object.entries(value).map(([key, item]): [string, unknown] => {
        const maskedKey = this.redact(key);
        const masked = this.#deep(item, seen, depth + 1);
        changed ||= maskedKey !== key || masked !== item;
        return [maskedKey, masked];
      });
      return changed ? Object.fromEntries(entries) : value;
    } catch {
      // A throwing getter / toJSON: the value cannot travel anyway; leave it to the serialiser's error.
      return value;
    } finally {
      seen.delete(value);
    }
  }

  /** Names only: the values never show in `console.log`, `util.inspect` or JSON. */
  toJSON(): string {
    return `SecretRedactor(${this.#values.size} values)`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toJSON();
  }
}

/** Where a context keeps its redactor, for the dispatcher (not part of the public Context). */
export const REDACTOR: unique symbol = Symbol.for('imperal.sdk.redactor');

/** The redactor of `ctx`, when it has one. */
export function redactorOf(ctx: unknown): SecretRedactor | undefined {
  try {
    const r = ctx !== null && typeof ctx === 'object' ? (ctx as { [REDACTOR]?: unknown })[REDACTOR] : undefined;
    return r instanceof SecretRedactor ? r : undefined;
  } catch {
    // A hostile context (a Proxy whose traps throw) has no redactor the dispatcher can use.
    return undefined;
  }
}

/**
 * The process-wide memory of an extension's secret values, shared by every
 * context built for it, so a value read in one invocation is still masked in a
 * later one (e.g. when a handler kept it in a module variable).
 */
const memories = new WeakMap<object, SecretRedactor>();

/** The shared redactor of the extension whose declared secrets are `declared`. */
export function sharedRedactor(declared: object): SecretRedactor {
  let r = memories.get(declared);
  if (!r) {
    r = new SecretRedactor();
    memories.set(declared, r);
  }
  return r;
}
