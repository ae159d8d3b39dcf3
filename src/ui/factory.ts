/**
 * Turns a prop table into a typed component factory that accepts either an
 * options object or the upstream positional shorthand plus options
 * (`ui.Text('hi', { variant: 'caption' })`).
 *
 * @module
 */
import { UIValidationError } from './errors.js';
import { checkNodeOptions, UINode, type NodeOptions } from './node.js';
import { emitProps, type PropSpec } from './spec.js';
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
  /** Rewrites the options before the table is applied (derived props, aliases). */
  readonly prepare?: (options: Record<string, unknown>, component: string) => Record<string, unknown>;
}

/** Keys every factory understands besides its own props. */
const NODE_OPTIONS = ['id', 'key', 'revision', 'autoAction', 'extra'] as const;
const NODE_OPTION_SET: ReadonlySet<string> = new Set(NODE_OPTIONS);

/** Merges positional values and the trailing options object into one options object. */
function collectOptions(component: string, leads: readonly string[], args: readonly unknown[]): Record<string, unknown> {
  // A trailing `undefined` (an options variable that happens to be unset) means "no options".
  let count = args.length;
  while (count > 0 && args[count - 1] === undefined) count -= 1;
  const last = args[count - 1];
  const hasOptions = isPlainObject(last);
  const options = hasOptions ? last : {};
  const positional = hasOptions ? count - 1 : count;
  if (positional === 0) return options;
  if (positional > leads.length) {
    throw new UIValidationError(component, `argument ${positional}`, `is not expected: ${component} takes at most ${leads.length} positional argument(s) (${leads.join(', ') || 'none'}) before its options object`);
  }
  const merged: Record<string, unknown> = { ...options };
  for (let i = 0; i < positional; i += 1) {
    const name = leads[i] as string;
    if (args[i] === undefined) continue;
    if (options[name] !== undefined) throw new UIValidationError(component, name, 'is given both positionally and in the options object');
    merged[name] = args[i];
  }
  return merged;
}

/**
 * Collects the arguments of a factory call into one options object and
 * rejects option names outside `known` (listing the accepted ones).
 */
export function resolveOptions(component: string, leads: readonly string[], known: ReadonlySet<string>, args: readonly unknown[]): Record<string, unknown> {
  const options = collectOptions(component, leads, args);
  for (const name of Object.keys(options)) {
    if (!known.has(name)) {
      const hint = known.has('extra') ? '; use `extra` to send renderer-only props' : '';
      throw new UIValidationError(component, name, `is not a prop of this component${hint}`, [...known]);
    }
  }
  return options;
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
    const component = def.name ?? def.type;
    const names = def.props.map((row) => row.name);
    const known = new Set<string>([...names, ...NODE_OPTIONS]);
    // A prop named `id` (ListItem) is data, not the node's identity.
    const idIsProp = names.includes('id' as keyof P & string);
    const build = (...args: unknown[]): UINode<T> => {
      const options = resolveOptions(component, def.leads, known, args);
      const input = def.prepare === undefined ? options : def.prepare(options, component);
      const props = emitProps(component, def.props, input);
      // Most nodes carry no identity, auto action or extra: skip that work for them.
      if (!Object.keys(options).some((name) => NODE_OPTION_SET.has(name))) return new UINode(def.type, props);
      const common = options as NodeOptions;
      checkNodeOptions(component, common, idIsProp);
      if (common.autoAction !== undefined) props['auto_action'] = common.autoAction;
      if (common.extra !== undefined) mergeExtra(component, props, def.props, common.extra);
      return new UINode(def.type, props, { id: idIsProp ? undefined : common.id, key: common.key, revision: common.revision });
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
