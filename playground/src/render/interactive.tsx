/** Interactive: Button, Card, Menu, Dialog, Modal, Tooltip, Link, SlideOver, and TrayResponse. */
import { useContext, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { HostContext, isAction, str, type WireAction } from './context';
import { kids } from './node';

type P = Record<string, unknown>;

function Button(p: P): JSX.Element {
  const host = useContext(HostContext);
  const icon = str(p.icon || p.icon_left);
  return (
    <button type="button" class={`btn v-${str(p.variant)} s-${str(p.size)}${p.full_width ? ' full' : ''}`} disabled={!!p.disabled || !!p.loading} onClick={() => isAction(p.on_click) && host.act(p.on_click as WireAction)}>
      {icon ? `[${icon}] ` : ''}{p.loading ? str(p.loading_label) || str(p.label) : str(p.label)}{p.icon_right ? ` [${str(p.icon_right)}]` : ''}
    </button>
  );
}

function Card(p: P): JSX.Element {
  const host = useContext(HostContext);
  return (
    <div class={`card${isAction(p.on_click) ? ' clickable' : ''}`} style={{ border: p.border === false ? 'none' : undefined }} onClick={() => isAction(p.on_click) && host.act(p.on_click as WireAction)}>
      {p.title ? <h4>{str(p.title)}</h4> : null}
      {p.subtitle ? <div class="muted small">{str(p.subtitle)}</div> : null}
      {kids(p.content)}
      {p.footer ? <div class="card-footer">{kids(p.footer)}</div> : null}
    </div>
  );
}

function Menu(p: P): JSX.Element {
  const host = useContext(HostContext);
  const items = (Array.isArray(p.items) ? p.items : []) as P[];
  return (
    <details class="menu">
      <summary>{p.trigger ? kids(p.trigger) : '⋮ Menu'}</summary>
      <div class="menu-items">
        {items.map((it, i) =>
          it.separator ? <hr key={i} /> : (
            <button type="button" key={i} class="menu-item" onClick={() => isAction(it.on_click) && host.act(it.on_click as WireAction)}>
              {it.icon ? `[${str(it.icon)}] ` : ''}{str(it.label)}
            </button>
          ),
        )}
      </div>
    </details>
  );
}

function Modal(p: P): JSX.Element {
  const host = useContext(HostContext);
  const [open, setOpen] = useState(p.open !== false);
  return (
    <div class={`modal size-${str(p.size) || 'md'}${p.destructive ? ' destructive' : ''}`}>
      <div class="modal-head"><b>{str(p.title)}</b>{p.subtitle ? <span class="muted small"> {str(p.subtitle)}</span> : null}<span class="small muted"> {open ? '(open)' : '(closed)'}</span></div>
      {open ? kids(p.content) : null}
      <div class="row">
        <button type="button" class="btn v-secondary" onClick={() => { setOpen(false); if (isAction(p.on_close)) host.act(p.on_close as WireAction); }}>{str(p.cancel_label)}</button>
        <button type="button" class={`btn ${p.destructive ? 'v-danger' : 'v-primary'}`} onClick={() => isAction(p.on_confirm) && host.act(p.on_confirm as WireAction)}>{str(p.confirm_label)}</button>
      </div>
    </div>
  );
}

function Tooltip(p: P): JSX.Element {
  return <span class="tooltip" title={str(p.content)}>{kids(p.children)}<span class="tip">ⓘ {str(p.content)}</span></span>;
}

function Link(p: P): JSX.Element {
  const host = useContext(HostContext);
  const href = str(p.href);
  return (
    <a href={href || '#'} target={href ? '_blank' : undefined} rel="noreferrer" onClick={(e) => { if (isAction(p.on_click)) { e.preventDefault(); host.act(p.on_click as WireAction); } }}>
      {str(p.label)}
    </a>
  );
}

function SlideOver(p: P): JSX.Element {
  const host = useContext(HostContext);
  const [open, setOpen] = useState(p.open !== false);
  return (
    <aside class={`slideover w-${str(p.width)}`}>
      <div class="modal-head"><b>{str(p.title)}</b> <span class="muted small">{str(p.subtitle)}</span>
        <button type="button" class="btn sm" onClick={() => { setOpen(!open); if (open && isAction(p.on_close)) host.act(p.on_close as WireAction); }}>{open ? 'Close' : 'Open'}</button>
      </div>
      <div style={{ display: open ? 'block' : 'none' }}>{kids(p.children)}</div>
    </aside>
  );
}

function TrayResponse(p: P): JSX.Element {
  return (
    <div class="tray">
      <div class="small muted">tray badge:</div> {kids(p.badge)}
      <div class="small muted">tray panel:</div> {kids(p.panel)}
    </div>
  );
}

export const INTERACTIVE = { Button, Card, Menu, Dialog: Modal, Modal, Tooltip, Link, SlideOver, TrayResponse };
