/**
 * Drawing one node: its view from the registry, wrapped in an element carrying
 * `data-ui-type`; anything unknown is shown as a placeholder naming it.
 */
import type { ComponentChildren, JSX } from 'preact';
import { isNode, str, type WireNode } from './context';
import { unknownProps } from './known';
import { VIEWS } from './views';

const INLINE = new Set(['Badge', 'Icon', 'Button', 'Link', 'Avatar', 'Tooltip']);

/** Renders a node, a list of nodes, or a placeholder for anything else. */
export function UI({ node }: { node: unknown }): JSX.Element | null {
  if (node === null || node === undefined) return null;
  if (Array.isArray(node)) return <>{node.map((n, i) => <UI key={i} node={n} />)}</>;
  if (!isNode(node)) return <span class="ui-unknown" data-ui-unknown="value">Not a UI node: {str(node).slice(0, 200)}</span>;
  return <NodeView node={node} />;
}

function NodeView({ node }: { node: WireNode }): JSX.Element {
  const view = VIEWS[node.type];
  const Tag = INLINE.has(node.type) ? 'span' : 'div';
  if (!view) {
    return (
      <div class="ui-unknown" data-ui-type={node.type} data-ui-unknown="component">
        Unknown component <b>{node.type}</b>
        <pre>{JSON.stringify(node.props, null, 1).slice(0, 600)}</pre>
      </div>
    );
  }
  const extra = unknownProps(node.type, node.props);
  return (
    <Tag class={`ui ui-${node.type}`} data-ui-type={node.type}>
      {view(node.props)}
      {extra.map((p) => (
        <span key={p} class="ui-unknown" data-ui-unknown="prop">
          unknown prop {node.type}.{p}: {str(node.props[p]).slice(0, 80)}
        </span>
      ))}
    </Tag>
  );
}

/** Children props: a node, a list of nodes. */
export function kids(v: unknown): ComponentChildren {
  return <UI node={v} />;
}
