/**
 * A component's prop table compiled once, at definition time, into the form
 * the build path reads: one uniform record per row (same shape for every row,
 * emission rule as a small integer, error location pre-built), and an index
 * from option name to row. Building a node is then one pass over the options
 * the caller gave and one pass over the rows, with no per-prop lookups,
 * closures or intermediate objects.
 *
 * @module
 */
import { UIValidationError } from './errors.js';
import type { EmitRule, PropSpec } from './spec.js';
import type { Check, Where } from './validate.js';
import { isFilled, isPlainObject } from './wire.js';

const ALWAYS = 0;
const FILLED = 1;
const POSITIVE = 2;
const CHANGED = 3;
const NEVER = 4;

/** Emission rules as integers (`set` emits like `always` once the value is known to be given). */
const RULE_CODES: Readonly<Record<EmitRule, number>> = { always: ALWAYS, set: ALWAYS, filled: FILLED, positive: POSITIVE, changed: CHANGED, never: NEVER };

/** One compiled row. Every field is always present so the build loop sees a single object shape. */
interface Slot {
  readonly wire: string;
  readonly rule: number;
  readonly fallback: unknown;
  /** The fallback is an array: each node gets its own copy, since `props` may be edited. */
  readonly freshFallback: boolean;
  readonly required: boolean;
  readonly check: Check | undefined;
  readonly where: Where;
}

/** A compiled prop table; see the module description. */
export interface PropTable {
  /** Factory name for error messages. */
  readonly component: string;
  /** The rows as declared (wire order). */
  readonly rows: readonly PropSpec[];
  /** Option names that may be passed positionally, in order. */
  readonly leads: readonly string[];
  /** Every accepted option name: the rows, then the node options. */
  readonly known: readonly string[];
  /** Option name → row index; node options (`id`, `key`, …) map to -1. */
  readonly index: ReadonlyMap<string, number>;
  /** Row index of each positional argument. */
  readonly leadSlots: readonly number[];
  /** Compiled rows, same order as `rows`. */
  readonly slots: readonly Slot[];
  /** Synonym rows: `[synonym row, target row]` pairs (see `alias` in spec.ts). */
  readonly aliases: readonly (readonly [number, number])[];
  /** One `undefined` per row: copied to start each call's values (a packed array, cheaper than filling a new one). */
  readonly blank: readonly undefined[];
}

/** What one factory call gave: prop values in row order, and the options object (for node options). */
export interface CallValues {
  /** Value per row (`undefined` where not given). */
  readonly values: unknown[];
  /** The trailing options object, or an empty one. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Whether any node option (`id`, `key`, `revision`, `autoAction`, `extra`) was given. */
  readonly common: boolean;
}

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Compiles `rows`; `nodeOptions` are the extra accepted names that are not props. */
export function compileTable(component: string, rows: readonly PropSpec[], leads: readonly string[], nodeOptions: readonly string[]): PropTable {
  const index = new Map<string, number>();
  rows.forEach((row, i) => index.set(row.name, i));
  for (const name of nodeOptions) if (!index.has(name)) index.set(name, -1);
  const leadSlots = leads.map((name) => slotOf(index, component, name));
  const slots = rows.map(
    (row): Slot => ({
      wire: row.wire,
      rule: RULE_CODES[row.emit],
      fallback: row.fallback,
      freshFallback: Array.isArray(row.fallback),
      required: row.required === true,
      check: row.check,
      where: Object.freeze({ component, prop: row.name }),
    }),
  );
  const aliases = rows.flatMap((row, i) => (row.aliasOf === undefined ? [] : [[i, slotOf(index, component, row.aliasOf)] as const]));
  const blank = rows.map(() => undefined);
  return { component, rows, leads, known: [...index.keys()], index, leadSlots, slots, aliases, blank };
}

/** Row index of a prop name; a name outside the table is a mistake in the component definition. */
function slotOf(index: ReadonlyMap<string, number>, component: string, name: string): number {
  const slot = index.get(name);
  if (slot === undefined || slot < 0) throw new Error(`ui.${component}: '${name}' is not in the prop table`);
  return slot;
}

/**
 * Reads a factory call: the leading positional values (at most `leads.length`)
 * and the trailing options object. Unknown option names and a prop given both
 * positionally and in the options are errors. A trailing `undefined` (an
 * options variable that happens to be unset) means "no options".
 */
export function readCall(table: PropTable, args: readonly unknown[]): CallValues {
  const { component, index } = table;
  let count = args.length;
  while (count > 0 && args[count - 1] === undefined) count -= 1;
  const last = count > 0 ? args[count - 1] : undefined;
  const hasOptions = isPlainObject(last);
  const options = hasOptions ? last : NO_OPTIONS;
  const positional = hasOptions ? count - 1 : count;
  if (positional > table.leads.length) throw tooManyArguments(table, positional);
  const values: unknown[] = table.blank.slice();
  let common = false;
  // for-in over a plain object: own keys in insertion order, read without a keyed lookup per prop.
  for (const name in options) {
    const slot = index.get(name);
    if (slot === undefined) throw unknownOption(table, name);
    if (slot < 0) common = true;
    else values[slot] = options[name];
  }
  for (let i = 0; i < positional; i += 1) {
    const value = args[i];
    if (value === undefined) continue;
    const slot = table.leadSlots[i] as number;
    if (values[slot] !== undefined) throw new UIValidationError(component, table.leads[i] as string, 'is given both positionally and in the options object');
    values[slot] = value;
  }
  const { aliases } = table;
  for (let i = 0; i < aliases.length; i += 1) foldAlias(table, values, aliases[i] as readonly [number, number]);
  return { values, options, common };
}

/** Moves a synonym's value to its target row; both given is an error. */
function foldAlias(table: PropTable, values: unknown[], [from, to]: readonly [number, number]): void {
  const value = values[from];
  if (value === undefined || value === null) return;
  const { where } = table.slots[from] as Slot;
  const target = (table.slots[to] as Slot).where.prop;
  if (values[to] !== undefined && values[to] !== null) throw new UIValidationError(table.component, where.prop, `is an alias of '${target}'; pass one`);
  values[to] = value;
  values[from] = undefined;
}

/**
 * Resolves every row in table order and returns the wire props: `null` and
 * `undefined` mean "not given" (the default applies, or a required prop is
 * missing), the row's check validates/normalises, the emission rule decides.
 */
export function emitValues(table: PropTable, values: readonly unknown[]): Record<string, unknown> {
  const { slots } = table;
  const props: Record<string, unknown> = {};
  for (let i = 0; i < slots.length; i += 1) {
    const slot = slots[i] as Slot;
    let value = values[i];
    if (value === undefined || value === null) {
      if (slot.required) throw new UIValidationError(table.component, slot.where.prop, 'is required');
      if (slot.fallback === undefined) continue;
      value = slot.freshFallback ? (slot.fallback as unknown[]).slice() : slot.fallback;
    }
    if (slot.check !== undefined) value = slot.check(value, slot.where);
    if (emits(slot, value)) props[slot.wire] = value;
  }
  return props;
}

/** Whether a resolved, given value goes on the wire. */
function emits(slot: Slot, value: unknown): boolean {
  switch (slot.rule) {
    case ALWAYS:
      return value !== undefined;
    case FILLED:
      return isFilled(value);
    case POSITIVE:
      return typeof value === 'number' && value > 0;
    case CHANGED:
      return value !== undefined && value !== slot.fallback;
    default:
      return false;
  }
}

/** The call's values keyed by option name (for `prepare` hooks): only given ones. */
export function valuesByName(table: PropTable, values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  table.rows.forEach((row, i) => {
    if (values[i] !== undefined) out[row.name] = values[i];
  });
  return out;
}

/** Values in row order from an options object keyed by name (the result of a `prepare` hook). */
export function valuesOf(table: PropTable, options: Readonly<Record<string, unknown>>): unknown[] {
  return table.rows.map((row) => options[row.name]);
}

/** The error for an option name outside the table, listing the accepted ones. */
function unknownOption(table: PropTable, name: string): UIValidationError {
  const hint = table.index.has('extra') ? '; use `extra` to send renderer-only props' : '';
  return new UIValidationError(table.component, name, `is not a prop of this component${hint}`, table.known);
}

/** The error for more positional values than the component has leads. */
function tooManyArguments(table: PropTable, positional: number): UIValidationError {
  const { component, leads } = table;
  return new UIValidationError(
    component,
    `argument ${positional}`,
    `is not expected: ${component} takes at most ${leads.length} positional argument(s) (${leads.join(', ') || 'none'}) before its options object`,
  );
}
