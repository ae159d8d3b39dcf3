/**
 * Writing a wire result as JSON without ever throwing: a small JSON writer that
 * follows `JSON.stringify`'s rules (`toJSON`, boxed primitives, `undefined` and
 * functions left out of objects) but reports, with the path, anything JSON cannot
 * carry faithfully instead of throwing or silently writing `{}`: cycles, bigints,
 * `NaN`/`Infinity`, maps and sets, getters or `toJSON` that throw, nesting deeper
 * than {@link WIRE_MAX_DEPTH}, and text longer than the size limit.
 *
 * @module
 */
import { attempt, errorText } from './error-text.js';

/** Deepest nesting a wire result may have. */
export const WIRE_MAX_DEPTH = 1000;

/** Why a value cannot be written, and where (`data.items[3].owner`; `''` is the root). */
export interface WireProblem {
  readonly path: string;
  readonly problem: string;
  /** True when the value is fine but its JSON is longer than the limit. */
  readonly tooLarge?: boolean;
}

/** The outcome of {@link writeWireJson}. */
export type WireJson = { readonly ok: true; readonly json: string; readonly bytes: number } | ({ readonly ok: false } & WireProblem);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const segment = (path: string, key: string): string => (IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);

class Stop extends Error {
  constructor(readonly detail: WireProblem) {
    super(detail.problem);
  }
}

/** What a value becomes in JSON when it is not a container: its text, `undefined` when JSON leaves it out, or a problem. */
function scalar(value: unknown): string | undefined | { problem: string } {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : { problem: `${String(value)} (JSON has no such number)` };
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return { problem: 'a bigint (JSON numbers cannot carry it; send it as a string)' };
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return value === null ? 'null' : { problem: 'unexpected value' };
  }
}

const UNCARRIED: ReadonlyArray<[abstract new (...args: never[]) => unknown, string]> = [
  [Map, 'a Map'],
  [Set, 'a Set'],
  [WeakMap, 'a WeakMap'],
  [WeakSet, 'a WeakSet'],
  [Promise, 'a Promise (await it before returning)'],
];

class Writer {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly ancestors = new Set<object>();

  constructor(private readonly maxChars: number) {}

  text(): string {
    return this.parts.join('');
  }

  private push(text: string, path: string): void {
    this.length += text.length;
    // UTF-8 never takes fewer bytes than UTF-16 code units, so this bound is safe.
    if (this.length > this.maxChars) throw new Stop({ path, problem: 'too large', tooLarge: true });
    this.parts.push(text);
  }

  /** Writes `value` (found under `key` of its holder); returns false when JSON leaves it out. */
  write(holderKey: string, input: unknown, path: string, depth: number): boolean {
    const fail = (problem: string): never => {
      throw new Stop({ path, problem });
    };
    let value = input;
    if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
      let toJSON: unknown;
      try {
        toJSON = (value as { toJSON?: unknown }).toJSON;
        if (typeof toJSON === 'function') value = toJSON.call(value, holderKey);
      } catch (error) {
        fail(`${typeof toJSON === 'function' ? 'toJSON() threw' : 'reading it threw'}: ${errorText(error)}`);
      }
    }
    if (typeof value !== 'object' || value === null) {
      const out = scalar(value);
      if (out === undefined) return false;
      if (typeof out !== 'string') return fail(out.problem);
      this.push(out, path);
      return true;
    }
    if (depth >= WIRE_MAX_DEPTH) fail(`nesting deeper than ${WIRE_MAX_DEPTH} levels`);
    if (this.ancestors.has(value)) fail('cycle (the value contains itself)');
    for (const [ctor, name] of UNCARRIED) if (attempt(() => value instanceof ctor, false)) fail(`${name}, which JSON cannot carry`);
    this.ancestors.add(value);
    try {
      const boxed = unbox(value);
      if (boxed !== NOT_BOXED) {
        this.ancestors.delete(value);
        return this.write(holderKey, boxed, path, depth);
      }
      if (Array.isArray(value)) this.array(value as unknown[], path, depth);
      else this.object(value as Record<string, unknown>, path, depth);
    } catch (error) {
      if (error instanceof Stop) throw error;
      fail(`reading it threw: ${errorText(error)}`);
    }
    this.ancestors.delete(value);
    return true;
  }

  private array(items: unknown[], path: string, depth: number): void {
    this.push('[', path);
    const length = items.length;
    for (let i = 0; i < length; i++) {
      if (i > 0) this.push(',', path);
      const at = `${path}[${i}]`;
      let item: unknown;
      try {
        item = items[i];
      } catch (error) {
        throw new Stop({ path: at, problem: `reading it threw: ${errorText(error)}` });
      }
      if (!this.write(String(i), item, at, depth + 1)) this.push('null', at);
    }
    this.push(']', path);
  }

  private object(record: Record<string, unknown>, path: string, depth: number): void {
    this.push('{', path);
    let first = true;
    for (const key of Object.keys(record)) {
      const at = segment(path, key);
      let item: unknown;
      try {
        item = record[key];
      } catch (error) {
        throw new Stop({ path: at, problem: `reading it threw: ${errorText(error)}` });
      }
      const kind = typeof item;
      if (item === undefined || kind === 'function' || kind === 'symbol') continue;
      this.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`, at);
      first = false;
      // A value that writes nothing after all (a toJSON returning undefined) is written as null.
      if (!this.write(key, item, at, depth + 1)) this.push('null', at);
    }
    this.push('}', path);
  }
}

const NOT_BOXED = Symbol('not boxed');
function unbox(value: object): unknown {
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  return NOT_BOXED;
}

/**
 * Writes `value` as JSON text, or says why it cannot be (never throws). `maxBytes`
 * bounds the UTF-8 size of the text; a longer one is reported with `tooLarge`.
 */
export function writeWireJson(value: unknown, maxBytes: number): WireJson {
  const writer = new Writer(maxBytes);
  try {
    if (!writer.write('', value, '', 0)) return { ok: true, json: 'null', bytes: 4 };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, ...error.detail };
    // A stack overflow or anything else unforeseen: still an answer, never a throw.
    return { ok: false, path: '', problem: `cannot be written: ${errorText(error)}` };
  }
  const json = writer.text();
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxBytes) return { ok: false, path: '', problem: 'too large', tooLarge: true };
  return { ok: true, json, bytes };
}

// JSON text of wire results already checked by the dispatcher, so an encoder can
// reuse it instead of writing the same value again (weak: it goes with the value).
const written = new WeakMap<object, string>();

/** Remembers `json` as the text of `value` (an object the caller will not change). */
export function rememberWireJson(value: object, json: string): void {
  written.set(value, json);
}

/** The remembered JSON text of `value`, if the dispatcher wrote it. */
export function rememberedWireJson(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' ? written.get(value) : undefined;
}
