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
import { errorText } from './error-text.js';

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

/** `data.items[3].owner` from the keys and indexes on the way down. */
function pathOf(steps: readonly (string | number)[]): string {
  let path = '';
  for (const step of steps) {
    if (typeof step === 'number') path += `[${step}]`;
    else path += IDENTIFIER.test(step) ? (path ? `.${step}` : step) : `[${JSON.stringify(step)}]`;
  }
  return path;
}

class Stop extends Error {
  constructor(
    readonly problem: string,
    readonly tooLarge = false,
  ) {
    super(problem);
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
  out = '';
  /** Keys and indexes from the root to the value being written (the path is built only when something fails). */
  readonly steps: (string | number)[] = [];
  private readonly ancestors = new Set<object>();

  constructor(private readonly maxChars: number) {}

  private push(text: string): void {
    this.out += text;
    // UTF-8 never takes fewer bytes than UTF-16 code units, so this bound is safe.
    if (this.out.length > this.maxChars) throw new Stop('too large', true);
  }

  /** Writes `value` (found under `holderKey`); returns false when JSON leaves it out. */
  write(holderKey: string, input: unknown, depth: number): boolean {
    let value = input;
    if ((typeof value === 'object' && value !== null) || typeof value === 'bigint') {
      let toJSON: unknown;
      try {
        toJSON = (value as { toJSON?: unknown }).toJSON;
        if (typeof toJSON === 'function') value = toJSON.call(value, holderKey);
      } catch (error) {
        throw new Stop(`${typeof toJSON === 'function' ? 'toJSON() threw' : 'reading it threw'}: ${errorText(error)}`);
      }
    }
    if (typeof value !== 'object' || value === null) {
      const out = scalar(value);
      if (out === undefined) return false;
      if (typeof out !== 'string') throw new Stop(out.problem);
      this.push(out);
      return true;
    }
    if (depth >= WIRE_MAX_DEPTH) throw new Stop(`nesting deeper than ${WIRE_MAX_DEPTH} levels`);
    if (this.ancestors.has(value)) throw new Stop('cycle (the value contains itself)');
    try {
      if (Array.isArray(value)) {
        this.ancestors.add(value);
        this.array(value as unknown[], depth);
      } else {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          for (const [ctor, name] of UNCARRIED) if (value instanceof ctor) throw new Stop(`${name}, which JSON cannot carry`);
          const boxed = unbox(value);
          if (boxed !== NOT_BOXED) return this.write(holderKey, boxed, depth);
        }
        this.ancestors.add(value);
        this.object(value as Record<string, unknown>, depth);
      }
    } catch (error) {
      if (error instanceof Stop) throw error;
      throw new Stop(`reading it threw: ${errorText(error)}`);
    }
    this.ancestors.delete(value);
    return true;
  }

  private array(items: unknown[], depth: number): void {
    this.push('[');
    const length = items.length;
    const steps = this.steps;
    for (let i = 0; i < length; i++) {
      if (i > 0) this.push(',');
      steps.push(i);
      if (!this.write(String(i), items[i], depth + 1)) this.push('null');
      steps.pop();
    }
    this.push(']');
  }

  private object(record: Record<string, unknown>, depth: number): void {
    this.push('{');
    let first = true;
    const steps = this.steps;
    for (const key of Object.keys(record)) {
      steps.push(key);
      const item = record[key];
      const kind = typeof item;
      if (item !== undefined && kind !== 'function' && kind !== 'symbol') {
        this.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
        first = false;
        // A value that writes nothing after all (a toJSON returning undefined) is written as null.
        if (!this.write(key, item, depth + 1)) this.push('null');
      }
      steps.pop();
    }
    this.push('}');
  }
}

const NOT_BOXED = Symbol('not boxed');
function unbox(value: object): unknown {
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  return NOT_BOXED;
}

const dateToJSON = Date.prototype.toJSON;

/**
 * The quick check every result gets: an upper bound of the UTF-8 size of `value`'s
 * JSON (each string character counted as 6 bytes, its worst escaped form), or -1
 * when the value needs the full writer — anything but plain objects, arrays,
 * dates and finite scalars, nesting past the limit (cycles end there too), or a
 * read that throws. Builds no text, so a small result costs a short walk.
 */
export function wireSizeBound(value: unknown): number {
  try {
    return bound(value, 0);
  } catch {
    return -1;
  }
}

function bound(value: unknown, depth: number): number {
  const type = typeof value;
  if (type === 'string') return (value as string).length * 6 + 2;
  if (type === 'number') return Number.isFinite(value) ? 24 : -1;
  if (type === 'boolean') return 5;
  if (type !== 'object') return type === 'undefined' || type === 'function' || type === 'symbol' ? 4 : -1;
  if (value === null) return 4;
  if (depth >= WIRE_MAX_DEPTH) return -1;
  const object = value as Record<string, unknown>;
  if (Array.isArray(object)) {
    // A toJSON (own, or put on Array.prototype) changes what is written: the full writer handles it.
    if (object.toJSON !== undefined) return -1;
    let total = 2;
    for (let i = 0; i < object.length; i++) {
      const size = bound(object[i], depth + 1);
      if (size < 0) return -1;
      total += size + 1;
    }
    return total;
  }
  const proto: unknown = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) return proto === Date.prototype && object.toJSON === dateToJSON ? 32 : -1;
  // One lookup finds an own toJSON and one put on Object.prototype (pollution) alike.
  if (object.toJSON !== undefined) return -1;
  // Own enumerable keys, as JSON.stringify writes them.
  const keys = Object.keys(object);
  let total = 2;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const size = bound(object[key], depth + 1);
    if (size < 0) return -1;
    total += key.length * 6 + 4 + size;
  }
  return total;
}

/**
 * Writes `value` as JSON text, or says why it cannot be (never throws). `maxBytes`
 * bounds the UTF-8 size of the text; a longer one is reported with `tooLarge`.
 */
export function writeWireJson(value: unknown, maxBytes: number): WireJson {
  const writer = new Writer(maxBytes);
  try {
    if (!writer.write('', value, 0)) return { ok: true, json: 'null', bytes: 4 };
  } catch (error) {
    const path = pathOf(writer.steps);
    if (error instanceof Stop) return error.tooLarge ? { ok: false, path, problem: error.problem, tooLarge: true } : { ok: false, path, problem: error.problem };
    // A stack overflow or anything else unforeseen: still an answer, never a throw.
    return { ok: false, path, problem: `cannot be written: ${errorText(error)}` };
  }
  const json = writer.out;
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
