/**
 * The UI tree node: what every component factory returns and what a panel
 * handler hands back to the platform.
 *
 * @module
 */
import type { UIAction } from './actions.js';
import { UIValidationError } from './errors.js';
import { copyDefined, copyPlain, isPlainObject, isSerialisable } from './wire.js';

/** The JSON form of a node, exactly as the panel renderer reads it. */
export interface WireNode<T extends string = string> {
  /** Component type, e.g. `Stack`. The renderer matches it case-insensitively. */
  type: T;
  /** Props under their wire (snake_case) names, in emission order. */
  props: Record<string, unknown>;
  /** Stable identity across refreshes (only present when set). */
  id?: string;
  /** Stable identity across refreshes when `id` is taken by a prop (only present when set). */
  key?: string;
  /** Bump to make the renderer drop the node's local state (only present when set). */
  revision?: number;
}

/** Identity fields a node carries beside `type` and `props`. */
export interface NodeIdentity {
  /** Stable identity across refreshes, emitted as the node's top-level `id`. */
  id?: string;
  /** Stable identity across refreshes, emitted as the node's top-level `key`. */
  key?: string;
  /** Bump to reset the node's local state in the renderer (e.g. clear a form after saving). */
  revision?: number;
}

/** Options every factory accepts besides its own props. */
export interface NodeOptions extends NodeIdentity {
  /**
   * An action the panel host fires as soon as it renders this node (sent as the
   * `auto_action` prop). Used on a sidebar's root to open a center panel.
   */
  autoAction?: UIAction;
  /**
   * Props the typed API does not know yet (a newer renderer, an experiment).
   * Keys are sent verbatim, after the typed props; a key that a typed option
   * already covers is rejected so nothing is silently overridden.
   */
  extra?: Record<string, unknown>;
}

/** Option names every factory accepts besides its own props (see {@link NodeOptions}). */
export const NODE_OPTIONS: readonly (keyof NodeOptions)[] = ['id', 'key', 'revision', 'autoAction', 'extra'];

/** The options {@link node} accepts (its props are already wire-named, so no `extra`). */
const NODE_IDENTITY: readonly string[] = NODE_OPTIONS.filter((name) => name !== 'extra');

/** Wire name of the host-level auto action prop. */
const AUTO_ACTION = 'auto_action';

/**
 * One node of a declarative UI tree. Build nodes with the `ui.*` factories (or
 * {@link node} for renderer-only types); `toDict()` gives the wire JSON and
 * `JSON.stringify(node)` produces the same text.
 *
 * `props` holds wire names and may be edited after construction; nested nodes
 * and actions stay objects until serialised.
 */
export class UINode<T extends string = string> {
  /** Component type sent on the wire. */
  readonly type: T;
  /** Props keyed by wire name, in emission order. */
  props: Record<string, unknown>;
  /** Stable identity across refreshes (top-level `id`). */
  id: string | undefined;
  /** Stable identity across refreshes (top-level `key`). */
  key: string | undefined;
  /** Bump to reset the node's local renderer state (top-level `revision`). */
  revision: number | undefined;

  constructor(type: T, props: Record<string, unknown> = {}, identity?: NodeIdentity) {
    this.type = type;
    this.props = props;
    this.id = identity?.id;
    this.key = identity?.key;
    this.revision = identity?.revision;
  }

  /** The action the panel host fires on render (`props.auto_action`), if any. */
  get autoAction(): UIAction | undefined {
    return this.props[AUTO_ACTION] as UIAction | undefined;
  }

  set autoAction(action: UIAction | undefined) {
    if (action === undefined) delete this.props[AUTO_ACTION];
    else this.props[AUTO_ACTION] = action;
  }

  /** The wire JSON as plain data (nested nodes and actions converted too). */
  toDict(): WireNode<T> {
    const { props } = this;
    // Top-level null/undefined means "not set" on the wire; nested nulls are data and stay.
    return this.wire(isPlainObject(props) ? copyPlain(props, true) : copyDefined(props, true, true));
  }

  /**
   * Called by `JSON.stringify`. Same text as `toDict()`, but nested values are
   * left for `JSON.stringify` to visit, and the props object itself is handed
   * over unless a top-level `null` has to be dropped, so the tree is not copied.
   */
  toJSON(): WireNode<T> {
    return this.wire(hasNull(this.props) ? copyDefined(this.props, false, true) : this.props);
  }

  /** `{type, props, id?, key?, revision?}`: the shared envelope of toDict/toJSON. */
  private wire(props: Record<string, unknown>): WireNode<T> {
    const out: WireNode<T> = { type: this.type, props };
    if (this.id !== undefined) out.id = this.id;
    if (this.key !== undefined) out.key = this.key;
    if (this.revision !== undefined) out.revision = this.revision;
    return out;
  }
}

/** Whether a props object has a top-level `null` (which the wire leaves out). */
function hasNull(props: Record<string, unknown>): boolean {
  for (const name in props) if (props[name] === null) return true;
  return false;
}

/** True for a UINode, including one built by another copy of this package (duck-typed). */
export function isUINode(value: unknown): value is UINode {
  return isSerialisable(value) && typeof (value as { type?: unknown }).type === 'string' && 'props' in value;
}

/**
 * Checks the identity options and the auto action; shared by every factory and
 * {@link node}. `idIsProp` skips `id` for components where it is data (ListItem).
 */
export function checkNodeOptions(component: string, options: NodeOptions, idIsProp = false): void {
  const { id, key, revision, autoAction } = options;
  if (!idIsProp && id !== undefined && typeof id !== 'string') throw new UIValidationError(component, 'id', 'must be a string');
  if (key !== undefined && typeof key !== 'string') throw new UIValidationError(component, 'key', 'must be a string');
  if (revision !== undefined && !Number.isInteger(revision)) {
    throw new UIValidationError(component, 'revision', 'must be an integer');
  }
  if (autoAction !== undefined && !(isSerialisable(autoAction) && typeof autoAction.action === 'string')) {
    throw new UIValidationError(component, 'autoAction', 'must be an action (ui.Call, ui.Navigate, ui.Send or ui.Open)');
  }
}

/**
 * The public escape hatch for renderer-only components (e.g. `BulkUpload`) and
 * for types this SDK does not model yet. `props` keys are sent verbatim, so use
 * the renderer's wire names (snake_case).
 *
 * @example
 * ```ts
 * ui.node('BulkUpload', { param_name: 'files', on_upload: ui.Call('import_rows') });
 * ```
 */
export function node<T extends string>(
  type: T,
  props: Record<string, unknown> = {},
  options: Omit<NodeOptions, 'extra'> = {},
): UINode<T> {
  if (typeof type !== 'string' || type.length === 0) throw new UIValidationError('node', 'type', 'must be a non-empty string');
  if (!isPlainObject(props)) throw new UIValidationError(type, 'props', 'must be a plain object');
  for (const name of Object.keys(options)) {
    if (!NODE_IDENTITY.includes(name)) {
      throw new UIValidationError(type, name, 'is not an option of ui.node; renderer props go in `props`', NODE_IDENTITY);
    }
  }
  checkNodeOptions(type, options);
  if (options.autoAction !== undefined && props[AUTO_ACTION] !== undefined) {
    throw new UIValidationError(type, 'autoAction', `duplicates props.${AUTO_ACTION}; pass one`);
  }
  const built = new UINode(type, { ...props }, options);
  if (options.autoAction !== undefined) built.autoAction = options.autoAction;
  return built;
}
