/**
 * The Graph component (a Cytoscape network view).
 *
 * @module
 */
import type { UIAction } from '../actions.js';
import { define } from '../factory.js';
import { act, always, required } from '../spec.js';
import { fail, type Check, type Suggest } from '../validate.js';
import { isPlainObject, isSerialisable } from '../wire.js';

/** A node or edge: flat (`{id, label, …}`) or Cytoscape-wrapped (`{data: {…}}`). */
export type GraphElement = Readonly<Record<string, unknown>>;

/** Props of {@link Graph}. */
export interface GraphProps {
  /** Nodes; `{data: {...}}` wrappers are unwrapped. */
  nodes: readonly GraphElement[];
  /** Edges (`source`/`target` ids); `{data: {...}}` wrappers are unwrapped. */
  edges: readonly GraphElement[];
  /** Layout algorithm (default `cose-bilkent`). */
  layout?: Suggest<'cose-bilkent' | 'circle' | 'grid' | 'breadthfirst' | 'concentric'>;
  /** Height in pixels (default 600). */
  height?: number;
  /** Smallest node size (default 10). */
  minNodeSize?: number;
  /** Largest node size (default 50). */
  maxNodeSize?: number;
  /** Show edge labels (default false). */
  edgeLabelVisible?: boolean;
  /** Node field that picks the colour (default `type`). */
  colorBy?: string;
  /** Action fired on node click, with the node id as param `node_id`. */
  onNodeClick?: UIAction;
}

/**
 * Flattens the elements to the form the renderer reads: a `{data: {...}}`
 * wrapper becomes a copy of its inner object, an object with `toDict()` its
 * dict, a plain object a copy.
 */
const elements: Check = (value, at) => {
  if (!Array.isArray(value)) throw fail(at, 'must be an array of objects');
  return value.map((item: unknown, index) => {
    const flat = isSerialisable(item) ? item.toDict() : item;
    if (!isPlainObject(flat)) throw fail({ component: at.component, prop: `${at.prop}[${index}]` }, 'must be an object');
    const inner = flat['data'];
    return isPlainObject(inner) ? { ...inner } : { ...flat };
  });
};

/**
 * A network graph.
 *
 * @example
 * ```ts
 * ui.Graph([{ id: 'n1', label: 'Alice' }, { id: 'n2', label: 'Acme' }], [{ source: 'n1', target: 'n2' }], { layout: 'circle' });
 * ```
 */
export const Graph = define<GraphProps>()({
  type: 'Graph',
  leads: ['nodes', 'edges'],
  props: [
    required('nodes', { check: elements }),
    required('edges', { check: elements }),
    always('layout', { default: 'cose-bilkent' }),
    always('height', { default: 600 }),
    always('minNodeSize', { default: 10 }),
    always('maxNodeSize', { default: 50 }),
    always('edgeLabelVisible', { default: false }),
    always('colorBy', { default: 'type' }),
    act('onNodeClick'),
  ],
});
