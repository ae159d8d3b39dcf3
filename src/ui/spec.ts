/**
 * Declarative prop tables. Each component lists its props once, in wire
 * order, with the rule that decides whether the prop is emitted; one engine
 * turns camelCase options into the wire props dict for all of them.
 *
 * @module
 */
import { UIValidationError } from './errors.js';
import { action, type Check } from './validate.js';
import { isFilled, toSnake } from './wire.js';

/**
 * When a prop appears on the wire:
 * - `always`: every time (its default when not given);
 * - `filled`: only when set to something non-empty (`''`, `0`, `false`, `[]`, `{}` are left out);
 * - `set`: whenever given, even `0`/`false`/`''`;
 * - `positive`: only when a number above zero;
 * - `changed`: only when given and different from its default;
 * - `never`: an input that shapes other props (e.g. Chart `colors`) and is not sent itself.
 */
export type EmitRule = 'always' | 'filled' | 'set' | 'positive' | 'changed' | 'never';

/** One row of a component's prop table. */
export interface PropSpec<N extends string = string> {
  /** Option name in TS (camelCase). */
  readonly name: N;
  /** Key on the wire (snake_case unless the wire says otherwise, e.g. `className`). */
  readonly wire: string;
  /** When the prop is emitted. */
  readonly emit: EmitRule;
  /** Value used when the option is not given. */
  readonly fallback?: unknown;
  /** A missing value is an error rather than a default. */
  readonly required?: boolean;
  /** Validation / normalisation applied to a given (or defaulted) value. */
  readonly check?: Check;
}

/** Optional parts of a {@link PropSpec} row. */
export interface PropOptions {
  /** Wire key when it is not the snake_case of the name. */
  readonly wire?: string;
  /** Default value. */
  readonly default?: unknown;
  /** Validation / normalisation. */
  readonly check?: Check;
}

/** Builds one prop row; the shorthands below cover the usual cases. */
export function prop<N extends string>(name: N, emit: EmitRule, options: PropOptions & { required?: boolean } = {}): PropSpec<N> {
  const row: { -readonly [K in keyof PropSpec<N>]: PropSpec<N>[K] } = { name, wire: options.wire ?? toSnake(name), emit };
  if (options.default !== undefined) row.fallback = options.default;
  if (options.required === true) row.required = true;
  if (options.check !== undefined) row.check = options.check;
  return row;
}

/** A prop the caller must give; always emitted. */
export const required = <N extends string>(name: N, options: PropOptions = {}): PropSpec<N> =>
  prop(name, 'always', { ...options, required: true });
/** Emitted every time, with its default when not given. */
export const always = <N extends string>(name: N, options: PropOptions = {}): PropSpec<N> => prop(name, 'always', options);
/** Emitted only when non-empty. */
export const filled = <N extends string>(name: N, options: PropOptions = {}): PropSpec<N> => prop(name, 'filled', options);
/** Emitted whenever given (keeps `0`, `false`, `''`). */
export const whenSet = <N extends string>(name: N, options: PropOptions = {}): PropSpec<N> => prop(name, 'set', options);
/** Emitted only when a number above zero. */
export const positive = <N extends string>(name: N, options: PropOptions = {}): PropSpec<N> => prop(name, 'positive', options);
/** Emitted only when given and different from `fallback`. */
export const changed = <N extends string>(name: N, fallback: unknown, options: PropOptions = {}): PropSpec<N> =>
  prop(name, 'changed', { ...options, default: fallback });
/** An action slot (`onClick`, `retry`, …): emitted when given, must be a UIAction. */
export const act = <N extends string>(name: N, options: PropOptions = {}): PropSpec<N> => prop(name, 'filled', { check: action, ...options });
/** An input that shapes other props and is never sent itself. */
export const inputOnly = <N extends string>(name: N, options: PropOptions = {}): PropSpec<N> => prop(name, 'never', options);

/** Whether a resolved value goes on the wire under `rule`. */
function emits(row: PropSpec, value: unknown): boolean {
  switch (row.emit) {
    case 'always':
    case 'set':
      return value !== undefined;
    case 'filled':
      return isFilled(value);
    case 'positive':
      return typeof value === 'number' && value > 0;
    case 'changed':
      return value !== undefined && value !== row.fallback;
    case 'never':
      return false;
  }
}

/**
 * Resolves every row against `input` in table order and returns the wire props.
 * `null` and `undefined` both mean "not given".
 */
export function emitProps(component: string, rows: readonly PropSpec[], input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const row of rows) {
    let value = input[row.name];
    if (value === undefined || value === null) {
      if (row.required === true) throw new UIValidationError(component, row.name, 'is required');
      value = row.fallback;
    }
    if (value !== undefined && row.check !== undefined) value = row.check(value, { component, prop: row.name });
    if (emits(row, value)) props[row.wire] = value;
  }
  return props;
}
