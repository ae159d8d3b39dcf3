/** Panels, widgets and tray items, rendered live: refreshed on their events, on refresh_panels and on reload. */
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api } from '../api';
import { HostContext, UI } from '../render';
import { AppContext, panelRefresh, refreshesOn } from '../state';
import { makeHost } from './host';

/** One panel (or widget/tray) rendered from its envelope. */
export function PanelView({ kind, id, title, refresh }: { kind: 'panel' | 'widget' | 'tray'; id: string; title: string; refresh: string }): JSX.Element {
  const app = useContext(AppContext);
  const [env, setEnv] = useState<any>(null);
  const [err, setErr] = useState('');
  const [n, setN] = useState(0);
  const load = (): void => {
    api(kind, 'POST', { id, params: {}, as: app.identity })
      .then((e) => { setEnv(e); setErr(''); setN((x) => x + 1); })
      .catch((e: Error) => setErr(e.message));
  };
  useEffect(load, [id, app.identity.userId, app.identity.role, app.identity.scopes.join(',')]);
  useEffect(() => {
    const m = app.last;
    if (!m) return;
    if (m.kind === 'reload' || (m.kind === 'event' && refreshesOn(refresh, m.data.eventType))) load();
    // A panel with no event to refresh on follows store writes, so it never shows stale data while you develop.
    else if (m.kind === 'store' && !refresh.includes('on_event:')) load();
  }, [app.last?.seq]);
  useEffect(() => {
    const on = (e: Event): void => {
      const ids = (e as CustomEvent<string[] | null>).detail;
      if (!ids || ids.includes(id)) load();
    };
    panelRefresh.addEventListener('refresh', on);
    return () => panelRefresh.removeEventListener('refresh', on);
  }, [id]);
  const host = useMemo(() => makeHost(app), [app]);
  return (
    <div class="panel" data-panel={id} data-kind={kind} data-renders={n}>
      <div class="panel-head"><b>{title || id}</b> <span class="small muted">{kind} {id}{refresh && refresh !== 'manual' ? ` · ${refresh}` : ''}</span> <button type="button" class="btn sm" onClick={load}>↻</button></div>
      {err ? <div class="alert a-error">{err}</div> : null}
      {env?.error ? <div class="alert a-error">{env.error_code}: {env.error}</div> : null}
      <HostContext.Provider value={host}>{env ? <UI node={env.ui} /> : <span class="muted">loading…</span>}</HostContext.Provider>
    </div>
  );
}

/** Every panel, widget and tray item of the extension. */
export function PanelsDock({ focus }: { focus: string }): JSX.Element {
  const app = useContext(AppContext);
  const s = app.surfaces;
  if (!s) return <div class="muted">no extension loaded</div>;
  return (
    <div class="dock">
      {s.panels.map((p) => <div key={p.id} class={focus === p.id ? 'focused' : ''}><PanelView kind="panel" id={p.id} title={`${p.title} (${p.slot})`} refresh={p.refresh} /></div>)}
      {s.widgets.map((w) => <PanelView key={`w${w.id}`} kind="widget" id={w.id} title={w.label} refresh="" />)}
      {s.trays.map((t) => <PanelView key={`t${t.id}`} kind="tray" id={t.id} title={t.tooltip || t.id} refresh="" />)}
      {s.panels.length + s.widgets.length + s.trays.length === 0 ? <div class="muted">This extension has no panels, widgets or tray items.</div> : null}
    </div>
  );
}
