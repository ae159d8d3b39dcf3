/**
 * Turns a prop table into a typed component factory that accepts either an
 * options object or the upstream positional shorthand plus options
 * (`ui.Text('hi', { variant: 'caption' })`).
 *
 * @module
 */
import { UIValidationError } from './errors.js';
import { checkNodeOptions, NODE_OPTIONS, UINode, type NodeOptions } from './node.js';
import type { Prepare, PropSpec } from './spec.js';
import { compileTable, emitValues, readCall, valuesByName, valuesOf } from './table.js';
import { isPlainObject } from './wire.js';

/** The trailing options argument: optional when every option is optional. */
export type OptionsArg<P> = {} extends P ? [options?: P] : [options: P];

/** A factory that takes only an options object. */
export interface Factory<P, T extends string> {
  (...args: OptionsArg<P>): UINode<T>;
}

/** A factory with one leading positional value (`ui.Text('hi')`). */
export interface Factory1<P, K extends keyof P, T extends string> extends Factory<P, T> {
  (first: NonNullable<P[K]>, ...rest: OptionsArg<Omit<P, K>>): UINode<T>;
}

/** A factory with two leading positional values (`ui.Stat('Unread', 5)`). */
export interface Factory2<P, K1 extends keyof P, K2 extends keyof P, T extends string> extends Factory1<P, K1, T> {
  (first: NonNullable<P[K1]>, second: NonNullable<P[K2]>, ...rest: OptionsArg<Omit<P, K1 | K2>>): UINode<T>;
}

/** Picks the factory shape from the number of positional props. */
export type FactoryFor<P, T extends string, L> = L extends readonly [infer A extends keyof P, infer B extends keyof P]
  ? Factory2<P, A, B, T>
  : L extends readonly [infer A extends keyof P]
    ? Factory1<P, A, T>
    : Factory<P, T>;

/** Everything needed to build one component. */
export interface ComponentDef<P, T extends string, L extends readonly (keyof P & string)[]> {
  /** Factory name used in error messages (defaults to `type`). */
  readonly name?: string;
  /** Wire `type`. */
  readonly type: T;
  /** Props that may be passed positionally, in order. */
  readonly leads: L;
  /** The prop table, in wire emission order. */
  readonly props: readonly PropSpec<keyof P & string>[];
  /** Rewrites the given props (keyed by option name) before the table is applied (derived props, aliases). */
  readonly prepare?: Prepare;
}

/**
 * Declares a component. Call as `define<Props>()({ type, leads, props })`; the
 * curried form lets TypeScript check prop names against `Props` while still
 * inferring the wire type and the positional list.
 */
export function define<P>() {
  return <const T extends string, const L extends readonly (keyof P & string)[]>(
    def: ComponentDef<P, T, L>,
  ): FactoryFor<P & NodeOptions, T, L> => {
    const { type, prepare } = def;
    const component = def.name ?? type;
    const table = compileTable(component, def.props, def.leads, NODE_OPTIONS);
    // A prop named `id` (ListItem) is data, not the node's identity.
    const idIsProp = (table.index.get('id') ?? -1) >= 0;
    const build = (...args: unknown[]): UINode<T> => {
      const call = readCall(table, args);
      const values = prepare === undefined ? call.values : valuesOf(table, prepare(valuesByName(table, call.values), component));
      const props = emitValues(table, values);
      // Most nodes carry no identity, auto action or extra: skip that work for them.
      if (!call.common) return new UINode(type, props);
      const common = call.options as NodeOptions;
      checkNodeOptions(component, common, idIsProp);
      if (common.autoAction !== undefined) props['auto_action'] = common.autoAction;
      if (common.extra !== undefined) mergeExtra(component, props, def.props, common.extra);
      return new UINode(type, props, { id: idIsProp ? undefined : common.id, key: common.key, revision: common.revision });
    };
    return build as unknown as FactoryFor<P & NodeOptions, T, L>;
  };
}

/** Appends `extra` verbatim, refusing keys the typed options (or `autoAction`) already own. */
function mergeExtra(component: string, props: Record<string, unknown>, rows: readonly PropSpec[], extra: unknown): void {
  if (!isPlainObject(extra)) throw new UIValidationError(component, 'extra', 'must be a plain object of wire-named props');
  for (const key of Object.keys(extra)) {
    const owner = rows.find((row) => row.wire === key || row.name === key);
    if (owner !== undefined || key === 'auto_action') {
      throw new UIValidationError(component, `extra.${key}`, `duplicates the typed option '${owner?.name ?? 'autoAction'}'; use that instead`);
    }
    props[key] = extra[key];
  }
}
