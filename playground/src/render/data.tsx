/** Data: Badge, Avatar, Stat, Stats, ListItem, List, DataTable, Timeline, Tree, KeyValue. */
import { useContext, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { HostContext, isAction, str, type WireAction } from './context';
import { kids } from './node';

type P = Record<string, unknown>;
const arr = (v: unknown): P[] => (Array.isArray(v) ? (v as P[]) : []);

function Badge(p: P): JSX.Element {
  return (
    <span class={`badge c-${str(p.color) || 'gray'}`}>
      {p.dot ? '● ' : ''}{str(p.label)}{p.value !== undefined ? <b> {str(p.value)}</b> : null}
    </span>
  );
}

function Avatar(p: P): JSX.Element {
  return <span class={`avatar s-${str(p.size)}`} title={str(p.src)}>{p.src ? <img src={str(p.src)} alt="" onError={(e) => ((e.target as HTMLElement).style.display = 'none')} /> : null}{str(p.fallback)}</span>;
}

function Stat(p: P): JSX.Element {
  return (
    <div class={`stat c-${str(p.color)}`}>
      <div class="muted small">{p.icon ? <span class="icon">[{str(p.icon)}] </span> : null}{str(p.label)}</div>
      <div class="stat-value">{str(p.value)}</div>
      {p.trend ? <div class={`small trend-${str(p.trend_direction) || 'neutral'}`}>{str(p.trend)}</div> : null}
      {p.description ? <div class="small muted">{str(p.description)}</div> : null}
    </div>
  );
}

function Stats(p: P): JSX.Element {
  const n = Number(p.columns ?? 0);
  return <div class="stats" style={{ display: 'grid', gap: '8px', gridTemplateColumns: n > 0 ? `repeat(${n}, 1fr)` : 'repeat(auto-fit, minmax(120px, 1fr))' }}>{kids(p.children)}</div>;
}

function ListItem(p: P): JSX.Element {
  const host = useContext(HostContext);
  const [open, setOpen] = useState(false);
  const click = (): void => {
    if (p.expandable) setOpen(!open);
    else if (isAction(p.on_click)) host.act(p.on_click);
  };
  return (
    <div class={`listitem${p.selected ? ' selected' : ''}${isAction(p.on_click) || p.expandable ? ' clickable' : ''}`} data-id={str(p.id)} onClick={click}>
      <div class="row">
        {kids(p.avatar)}
        {p.icon ? <span class="icon">[{str(p.icon)}]</span> : null}
        <div class="grow">
          <div class="li-title">{str(p.title)}</div>
          {p.subtitle ? <div class="small muted">{str(p.subtitle)}</div> : null}
        </div>
        {p.meta ? <span class="small muted">{str(p.meta)}</span> : null}
        {kids(p.badge)}
        {arr(p.actions).map((a, i) => (
          <button type="button" key={i} class="btn sm" title={str(a.confirm)} onClick={(e) => { e.stopPropagation(); if (isAction(a.on_click) && (!a.confirm || window.confirm(str(a.confirm)))) host.act(a.on_click as WireAction); }}>
            {a.icon ? `[${str(a.icon)}] ` : ''}{str(a.label ?? a.icon)}
          </button>
        ))}
      </div>
      {p.draggable || p.droppable ? <div class="small muted">{p.draggable ? 'draggable ' : ''}{p.droppable ? 'droppable' : ''}</div> : null}
      {p.expandable ? <div class="expanded" style={{ display: open ? 'block' : 'none' }}>{kids(p.expanded_content)}</div> : null}
    </div>
  );
}

function List(p: P): JSX.Element {
  const host = useContext(HostContext);
  const [q, setQ] = useState('');
  const items = arr(p.items).filter((it) => !q || JSON.stringify(it).toLowerCase().includes(q.toLowerCase()));
  return (
    <div class="list" style={{ maxHeight: p.max_height ? str(p.max_height) : undefined, overflow: 'auto' }}>
      {p.title ? <h4>{str(p.title)}</h4> : null}
      {p.searchable ? <input class="search" placeholder={str(p.search_placeholder) || 'Search…'} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} /> : null}
      {p.grouped_by ? <div class="small muted">grouped by {str(p.grouped_by)}</div> : null}
      {arr(p.bulk_actions).map((b, i) => (
        <button type="button" key={i} class="btn sm" onClick={() => isAction(b.action) && host.act(b.action as WireAction, { message_ids: [] })}>{str(b.label)}</button>
      ))}
      {items.length === 0 ? <div class="muted">{str(p.empty_text) || 'No items'}</div> : kids(items)}
      {Number(p.total_items) > 0 ? <div class="small muted">{str(p.total_items)} items total{p.page_size ? `, ${str(p.page_size)} per page` : ''}</div> : null}
      {p.extra_info ? <div class="small muted">{str(p.extra_info)}</div> : null}
      {isAction(p.on_end_reached) ? <button type="button" class="btn sm" onClick={() => host.act(p.on_end_reached as WireAction)}>Load more</button> : null}
    </div>
  );
}

function DataTable(p: P): JSX.Element {
  const host = useContext(HostContext);
  const cols = arr(p.columns);
  const rows = arr(p.rows);
  return (
    <table class="table">
      <thead><tr>{cols.map((c) => <th key={str(c.key)} style={{ width: str(c.width) || undefined }}>{str(c.label)}{c.sortable ? ' ↕' : ''}{c.editable ? ` (${str(c.edit_type) || 'text'})` : ''}</th>)}</tr></thead>
      <tbody>
        {rows.length === 0 ? <tr><td colSpan={cols.length || 1} class="muted">{str(p.empty_text) || 'No rows'}</td></tr> : null}
        {rows.map((r, i) => (
          <tr key={i} class={isAction(p.on_row_click) ? 'clickable' : ''} onClick={() => isAction(p.on_row_click) && host.act(p.on_row_click as WireAction, { row: r })}>
            {cols.map((c) => <td key={str(c.key)}>{str(r[str(c.key)])}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Timeline(p: P): JSX.Element {
  return (
    <ol class="timeline">
      {arr(p.items).map((it, i) => (
        <li key={i} class={`c-${str(it.color)}`}>
          <b>{str(it.title)}</b> {it.time ? <span class="small muted">{str(it.time)}</span> : null}
          {it.description ? <div class="small">{str(it.description)}</div> : null}
        </li>
      ))}
    </ol>
  );
}

function TreeNodes({ nodes }: { nodes: P[] }): JSX.Element {
  return (
    <ul class="tree">
      {nodes.map((n, i) => (
        <li key={str(n.id) || i}>{n.icon ? `[${str(n.icon)}] ` : ''}{str(n.label)}{Array.isArray(n.children) && n.children.length ? <TreeNodes nodes={n.children as P[]} /> : null}</li>
      ))}
    </ul>
  );
}

function Tree(p: P): JSX.Element {
  return <div>{p.label ? <div class="small muted">{str(p.label)}</div> : null}<TreeNodes nodes={arr(p.nodes)} /></div>;
}

function KeyValue(p: P): JSX.Element {
  return (
    <dl class="kv" style={{ gridTemplateColumns: `repeat(${Number(p.columns ?? 1)}, max-content 1fr)` }}>
      {arr(p.items).map((it, i) => [<dt key={`k${i}`}>{str(it.key)}</dt>, <dd key={`v${i}`}>{str(it.value)}</dd>])}
    </dl>
  );
}

export const DATA = { Badge, Avatar, Stat, Stats, ListItem, List, DataTable, Timeline, Tree, KeyValue };
