/**
 * Declarative prop tables. Each component lists its props once, in wire
 * order, with the rule that decides whether the prop is emitted; one engine
 * (`table.ts`) turns camelCase options into the wire props dict for all of them.
 *
 * @module
 */
import { action, type Check } from './validate.js';
import { toSnake } from './wire.js';

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
  /** This option is a synonym of the named one (see {@link alias}). */
  readonly aliasOf?: string;
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
export function prop<N extends string>(name: N, emit: EmitRule, options: PropOptions & { required?: boolean; aliasOf?: string } = {}): PropSpec<N> {
  const row: { -readonly [K in keyof PropSpec<N>]: PropSpec<N>[K] } = { name, wire: options.wire ?? toSnake(name), emit };
  if (options.default !== undefined) row.fallback = options.default;
  if (options.required === true) row.required = true;
  if (options.check !== undefined) row.check = options.check;
  if (options.aliasOf !== undefined) row.aliasOf = options.aliasOf;
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

/**
 * A synonym of prop `of` that the renderer also reads (Text `text` → `content`,
 * Link `text` → `label`, Alert `type` → `variant`): its value is sent under
 * `of`, and giving both spellings is an error.
 */
export const alias = <N extends string>(name: N, of: string): PropSpec<N> => prop(name, 'never', { aliasOf: of });

/** A `prepare` hook: rewrites the given props (keyed by option name) before the table is applied. */
export type Prepare = (options: Record<string, unknown>, component: string) => Record<string, unknown>;
