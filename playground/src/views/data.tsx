/** The store browser (edit, delete), secrets and config, notifications and chat messages. */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api } from '../api';
import { AppContext } from '../state';

function DocRow({ doc, onChanged }: { doc: any; onChanged: () => void }): JSX.Element {
  const [edit, setEdit] = useState<string | null>(null);
  const [err, setErr] = useState('');
  const save = (): void => {
    let data: unknown;
    try { data = JSON.parse(edit ?? ''); } catch { return setErr('not valid JSON'); }
    void api(`store/${doc.collection}/${doc.id}`, 'PUT', { data }).then(() => { setEdit(null); onChanged(); }).catch((e: Error) => setErr(e.message));
  };
  return (
    <tr data-doc={doc.id}>
      <td><code>{doc.id}</code><div class="small muted">{doc.user_id}</div></td>
      <td>{edit === null ? <pre>{JSON.stringify(doc.data, null, 1)}</pre> : <textarea rows={5} value={edit} onInput={(e) => setEdit((e.target as HTMLTextAreaElement).value)} />}{err ? <div class="field-error">{err}</div> : null}</td>
      <td class="small muted">{doc.updated_at}</td>
      <td>
        {edit === null ? <button type="button" class="btn sm" onClick={() => setEdit(JSON.stringify(doc.data, null, 1))}>Edit</button> : <button type="button" class="btn sm v-primary" onClick={save}>Save</button>}
        <button type="button" class="btn sm v-danger" onClick={() => window.confirm(`Delete ${doc.collection}/${doc.id}?`) && void api(`store/${doc.collection}/${doc.id}`, 'DELETE').then(onChanged)}>Delete</button>
      </td>
    </tr>
  );
}

/** Collections → documents of the current user (or every user). */
export function Store(): JSX.Element {
  const app = useContext(AppContext);
  const [cols, setCols] = useState<string[]>([]);
  const [col, setCol] = useState('');
  const [all, setAll] = useState(false);
  const [docs, setDocs] = useState<any[]>([]);
  const load = (): void => {
    void api<string[]>('store').then((c) => {
      setCols(c);
      const current = col || c[0] || '';
      if (current) void api(`store/${encodeURIComponent(current)}?user=${encodeURIComponent(all ? '*' : app.identity.userId)}`).then(setDocs);
      else setDocs([]);
    }).catch(() => undefined);
  };
  useEffect(load, [col, all, app.identity.userId]);
  useEffect(() => { if (app.last?.kind === 'store' || app.last?.kind === 'reload') load(); }, [app.last?.seq]);
  const current = col || cols[0] || '';
  return (
    <div>
      <h2>Store</h2>
      <div class="row">
        {cols.map((c) => <button type="button" key={c} class={c === current ? 'tab active' : 'tab'} onClick={() => setCol(c)}>{c}</button>)}
        <label class="small"><input type="checkbox" checked={all} onChange={() => setAll(!all)} /> every user</label>
      </div>
      {cols.length === 0 ? <p class="muted">No documents yet.</p> : null}
      <table class="table" data-testid="store-docs">
        <tbody>{docs.map((d) => <DocRow key={d.id} doc={d} onChanged={load} />)}</tbody>
      </table>
    </div>
  );
}

/** Declared secrets (set/clear, values never shown) and the extension's config. */
export function Settings(): JSX.Element {
  const app = useContext(AppContext);
  const [secrets, setSecrets] = useState<any[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [config, setConfig] = useState('{}');
  const [msg, setMsg] = useState('');
  const load = (): void => {
    void api('secrets').then(setSecrets).catch(() => undefined);
    void api('config').then((c) => setConfig(JSON.stringify(c, null, 2)));
  };
  useEffect(load, [app.identity.userId]);
  useEffect(() => { if (app.last?.kind === 'secrets') load(); }, [app.last?.seq]);
  const saveConfig = (): void => {
    let parsed: unknown;
    try { parsed = JSON.parse(config); } catch { return setMsg('config is not valid JSON'); }
    void api('config', 'PUT', { config: parsed }).then(() => setMsg('config saved'));
  };
  return (
    <div>
      <h2>Secrets</h2>
      {secrets.length === 0 ? <p class="muted">No declared secrets.</p> : null}
      {secrets.map((s) => (
        <div key={s.name} class="row" data-secret={s.name}>
          <b>{s.name}</b> <span class="small muted">{s.scope}-scoped — {s.description}</span>
          <span class={`badge ${s.is_set ? 'c-green' : 'c-gray'}`}>{s.is_set ? 'set' : 'not set'}</span>
          <input type="password" placeholder="new value" value={values[s.name] ?? ''} onInput={(e) => setValues({ ...values, [s.name]: (e.target as HTMLInputElement).value })} />
          <button type="button" class="btn sm" onClick={() => void api(`secrets/${s.name}`, 'PUT', { value: values[s.name] ?? '' }).then(() => { setValues({ ...values, [s.name]: '' }); load(); }).catch((e: Error) => setMsg(e.message))}>Set</button>
          <button type="button" class="btn sm" onClick={() => void api(`secrets/${s.name}`, 'PUT', { value: null }).then(load)}>Clear</button>
        </div>
      ))}
      <h2>Config</h2>
      <textarea rows={8} value={config} onInput={(e) => setConfig((e.target as HTMLTextAreaElement).value)} />
      <button type="button" class="btn v-primary" onClick={saveConfig}>Save config</button>
      {msg ? <div class="small">{msg}</div> : null}
    </div>
  );
}

/** Notifications and chat messages the extension delivered, and what Send actions would send. */
export function Inbox(): JSX.Element {
  const app = useContext(AppContext);
  const [notes, setNotes] = useState<any[]>([]);
  const [chat, setChat] = useState<any[]>([]);
  const load = (): void => {
    void api('notifications').then(setNotes);
    void api('chat').then(setChat);
  };
  useEffect(load, []);
  useEffect(() => { if (app.last?.kind === 'notification' || app.last?.kind === 'chat') load(); }, [app.last?.seq]);
  return (
    <div>
      <h2>Notifications</h2>
      {notes.length === 0 ? <p class="muted">None yet.</p> : null}
      <ul data-testid="notifications">{[...notes].reverse().map((n, i) => <li key={i}><b>{n.user_id}</b>: {n.message}</li>)}</ul>
      <h2>Chat messages</h2>
      <ul>{[...chat].reverse().map((m, i) => <li key={i}><b>{m.user_id ?? ''}</b> [{m.msg_type}] {m.text}</li>)}</ul>
      <h2>Sent by Send actions</h2>
      <ul data-testid="sent-messages">{app.sent.map((m, i) => <li key={i}>{m}</li>)}</ul>
    </div>
  );
}
