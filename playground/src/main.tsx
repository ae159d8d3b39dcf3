/** The imperal dev playground: the app shell, navigation, identity switcher and the live feed. */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, live, type Identity } from './api';
import { AppContext, type AppState, type LiveMessage, type Surfaces } from './state';
import { Inbox, Settings, Store } from './views/data';
import { Functions } from './views/functions';
import { Logs } from './views/logs';
import { Findings, Manifest, Preview } from './views/meta';
import { PanelsDock } from './views/panels';
import { Events, Schedules, Skeletons, Webhooks } from './views/platform';

const VIEWS: Record<string, [string, () => JSX.Element]> = {
  functions: ['Functions', Functions],
  panels: ['Panels', () => <PanelsDock focus="" />],
  skeletons: ['Skeletons', Skeletons],
  schedules: ['Schedules', Schedules],
  webhooks: ['Webhooks', Webhooks],
  events: ['Events', Events],
  store: ['Store', Store],
  settings: ['Secrets & config', Settings],
  inbox: ['Notifications & chat', Inbox],
  logs: ['Logs', () => <Logs />],
  manifest: ['Manifest', Manifest],
  findings: ['Findings', Findings],
  preview: ['UI preview', Preview],
};

function IdentitySwitcher({ identity, onChange }: { identity: Identity; onChange: (i: Identity) => void }): JSX.Element {
  const [user, setUser] = useState(identity.userId);
  const [role, setRole] = useState(identity.role);
  const [scopes, setScopes] = useState(identity.scopes.join(' '));
  useEffect(() => { setUser(identity.userId); setRole(identity.role); setScopes(identity.scopes.join(' ')); }, [identity]);
  const apply = (e: Event): void => {
    e.preventDefault();
    const next = { userId: user.trim() || 'imp_u_dev', role: role.trim() || 'user', scopes: scopes.split(/[\s,]+/).filter(Boolean) };
    void api<Identity>('identity', 'POST', next).then(onChange);
  };
  return (
    <form class="identity" onSubmit={apply} data-testid="identity">
      <span class="small muted">acting as</span>
      <input name="as-user" size={12} value={user} onInput={(e) => setUser((e.target as HTMLInputElement).value)} title="user id" />
      <input name="as-role" size={6} value={role} onInput={(e) => setRole((e.target as HTMLInputElement).value)} title="role" />
      <input name="as-scopes" size={10} value={scopes} onInput={(e) => setScopes((e.target as HTMLInputElement).value)} title="scopes (space separated)" />
      <button type="submit" class="btn sm">Switch</button>
    </form>
  );
}

function App(): JSX.Element {
  const [view, setView] = useState(location.hash.slice(1) || 'functions');
  const [surfaces, setSurfaces] = useState<Surfaces | null>(null);
  const [status, setStatus] = useState<any>(null);
  const [identity, setIdentity] = useState<Identity>({ userId: 'imp_u_dev', role: 'admin', scopes: ['*'] });
  const [last, setLast] = useState<LiveMessage | null>(null);
  const [toasts, setToasts] = useState<string[]>([]);
  const [sent, setSent] = useState<string[]>([]);
  const [focus, setFocus] = useState('');
  const [connected, setConnected] = useState(false);
  const seq = useRef(0);
  const loadSurfaces = (): void => {
    void api<Surfaces>('surfaces').then(setSurfaces).catch(() => undefined);
    void api('status').then(setStatus);
  };
  useEffect(() => {
    void api('identity').then(setIdentity);
    loadSurfaces();
    const onHash = (): void => setView(location.hash.slice(1) || 'functions');
    window.addEventListener('hashchange', onHash);
    const stop = live((kind, data) => {
      if (kind === 'connected') return setConnected(true);
      if (kind === 'reload' || kind === 'reload-error') loadSurfaces();
      setLast({ seq: ++seq.current, kind, data });
    });
    return () => { stop(); window.removeEventListener('hashchange', onHash); };
  }, []);
  const notify = (text: string): void => {
    setToasts((t) => [...t.slice(-3), text]);
    setTimeout(() => setToasts((t) => t.filter((x) => x !== text)), 6000);
  };
  const app: AppState = useMemo(() => ({
    surfaces, identity, last, sent, notify,
    navigate: (path: string) => {
      const id = surfaces?.panels.map((p) => p.id).find((p) => path.split(/[/#?]/).includes(p)) ?? '';
      setFocus(id);
      notify(`navigate → ${path}${id ? ` (panel ${id})` : ''}`);
    },
    sendChat: (message: string) => { setSent((s) => [...s, message]); notify(`would send to chat: “${message}”`); },
  }), [surfaces, identity, last, sent]);
  const error = status?.error;
  const [, Body] = VIEWS[view] ?? VIEWS.functions!;
  return (
    <AppContext.Provider value={app}>
      <header class="top">
        <b>imperal dev</b> <span>{surfaces?.app_id ?? '…'}</span> <span class="small muted">version {status?.version ?? 0}</span>
        <span class={`dot ${connected ? 'on' : ''}`} title="live updates" />
        <IdentitySwitcher identity={identity} onChange={setIdentity} />
      </header>
      {error ? (
        <div class="alert a-error banner" data-testid="reload-error" role="alert">
          <b>The extension failed to {status?.version ? 'reload' : 'load'}</b>{status?.version ? ` — version ${status.version} keeps serving` : ''}
          <pre>{error.message}</pre>
        </div>
      ) : null}
      <div class="layout">
        <nav>{Object.entries(VIEWS).map(([k, [label]]) => <a key={k} href={`#${k}`} class={k === view ? 'active' : ''}>{label}</a>)}</nav>
        <main data-view={view}><Body /></main>
        {view !== 'panels' ? <aside class="side"><div class="small muted">panels (live)</div><PanelsDock focus={focus} /></aside> : null}
      </div>
      <div class="toasts">{toasts.map((t, i) => <div key={i} class="toast-msg">{t}</div>)}</div>
    </AppContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
