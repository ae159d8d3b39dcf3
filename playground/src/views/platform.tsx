/** Skeletons, schedules (next fire times, run now), webhooks (compose, sign, send) and events (emit, live log). */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api } from '../api';
import { AppContext } from '../state';
import { Logs } from './logs';

function Outcome({ value, callId }: { value: unknown; callId?: string }): JSX.Element {
  return <div class="result"><pre data-testid="outcome">{JSON.stringify(value, null, 2)}</pre>{callId ? <Logs call={callId} /> : null}</div>;
}

async function post(path: string, body: unknown): Promise<{ value: any; callId: string }> {
  const res = await fetch(`/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { value: await res.json(), callId: res.headers.get('x-imperal-call-id') ?? '' };
}

/** Skeleton sections: their stored values and a refresh button. */
export function Skeletons(): JSX.Element {
  const app = useContext(AppContext);
  const [out, setOut] = useState<Record<string, { value: any; callId: string }>>({});
  const list = app.surfaces?.skeletons ?? [];
  return (
    <div>
      <h2>Skeletons</h2>
      {list.length === 0 ? <p class="muted">No skeleton sections.</p> : null}
      {list.map((s) => (
        <div key={s.section} class="card" data-skeleton={s.section}>
          <b>{s.section}</b> <span class="small muted">ttl {s.ttl}s — {s.description}</span>
          <button type="button" class="btn sm" onClick={() => void post('skeleton', { section: s.section, as: app.identity }).then((r) => setOut({ ...out, [s.section]: r }))}>Refresh</button>
          <Outcome value={out[s.section]?.value ?? { stored: s.value }} callId={out[s.section]?.callId} />
        </div>
      ))}
    </div>
  );
}

/** Schedules with their next fire times and "run now". */
export function Schedules(): JSX.Element {
  const app = useContext(AppContext);
  const [out, setOut] = useState<Record<string, { value: any; callId: string }>>({});
  const list = app.surfaces?.schedules ?? [];
  return (
    <div>
      <h2>Schedules</h2>
      {list.length === 0 ? <p class="muted">No schedules.</p> : null}
      {list.map((s) => (
        <div key={s.name} class="card" data-schedule={s.name}>
          <b>{s.name}</b> <code>{s.cron}</code>
          <div class="small muted">next (UTC): {s.next.join(' · ') || 'never'}</div>
          <button type="button" class="btn v-primary sm" onClick={() => void post('schedule', { name: s.name }).then((r) => setOut({ ...out, [s.name]: r }))}>Run now</button>
          {out[s.name] ? <Outcome value={out[s.name]!.value} callId={out[s.name]!.callId} /> : null}
        </div>
      ))}
    </div>
  );
}

/** Compose a webhook request, sign it, send it, see the WebhookResponse. */
export function Webhooks(): JSX.Element {
  const app = useContext(AppContext);
  const hooks = app.surfaces?.webhooks ?? [];
  const [path, setPath] = useState('');
  const hook = hooks.find((h) => h.path === path) ?? hooks[0];
  const [body, setBody] = useState(`{"user_id": "${app.identity.userId}", "title": "From a webhook"}`);
  const [secret, setSecret] = useState('');
  const [useDeclared, setUseDeclared] = useState('');
  const [header, setHeader] = useState('');
  const [sign, setSign] = useState(true);
  const [out, setOut] = useState<any>(null);
  useEffect(() => setHeader(hook?.secret_header ?? ''), [hook?.path]);
  if (!hook) return <div><h2>Webhooks</h2><p class="muted">No webhooks.</p></div>;
  const send = async (e: Event): Promise<void> => {
    e.preventDefault();
    const signing = sign ? { sign: { ...(useDeclared ? { secret_name: useDeclared } : { secret }), header: header || undefined } } : {};
    const r = await post('webhook', { path: hook.path, method: hook.method, body, ...signing });
    setOut(r);
  };
  return (
    <form class="webhook" onSubmit={(e) => void send(e)}>
      <h2>Webhooks</h2>
      <label class="field">path <select value={hook.path} onChange={(e) => setPath((e.target as HTMLSelectElement).value)}>{hooks.map((h) => <option key={h.path} value={h.path}>{h.method} {h.path}</option>)}</select></label>
      <label class="field">body <textarea name="webhook-body" rows={4} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} /></label>
      <label><input type="checkbox" checked={sign} onChange={() => setSign(!sign)} /> sign with HMAC-SHA256 (sha256=hex)</label>
      {sign ? (
        <div class="row">
          <label class="field">header <input value={header} onInput={(e) => setHeader((e.target as HTMLInputElement).value)} /></label>
          <label class="field">secret <input name="webhook-secret" type="password" value={secret} disabled={!!useDeclared} onInput={(e) => setSecret((e.target as HTMLInputElement).value)} /></label>
          <label class="field">or the declared secret <select value={useDeclared} onChange={(e) => setUseDeclared((e.target as HTMLSelectElement).value)}><option value="">—</option>{(app.surfaces?.secrets ?? []).map((s) => <option key={s.name} value={s.name}>{s.name}</option>)}</select></label>
        </div>
      ) : null}
      <button type="submit" class="btn v-primary">Send webhook</button>
      {out ? <div class="result" data-testid="webhook-response"><div><b>status {out.value?.response?.status_code ?? '?'}</b></div><Outcome value={out.value} callId={out.value?.call_id} /></div> : null}
    </form>
  );
}

/** Emit an event; live log of every event emitted on the local platform. */
export function Events(): JSX.Element {
  const app = useContext(AppContext);
  const declared = [...(app.surfaces?.events.emits ?? []), ...(app.surfaces?.events.subscribes ?? [])].map((e) => e.type);
  const [type, setType] = useState(declared[0] ?? '');
  const [data, setData] = useState('{}');
  const [err, setErr] = useState('');
  const [log, setLog] = useState<any[]>([]);
  const load = (): void => void api('emitted').then(setLog).catch(() => undefined);
  useEffect(load, []);
  useEffect(() => { if (app.last?.kind === 'event') load(); }, [app.last?.seq]);
  const emit = (e: Event): void => {
    e.preventDefault();
    let parsed: unknown;
    try { parsed = JSON.parse(data); } catch { return setErr('data is not valid JSON'); }
    setErr('');
    void api('emit', 'POST', { event_type: type, data: parsed, as: app.identity }).catch((x: Error) => setErr(x.message));
  };
  return (
    <div>
      <h2>Events</h2>
      <form class="row" onSubmit={emit}>
        <label class="field">type <input name="event-type" list="event-types" value={type} onInput={(e) => setType((e.target as HTMLInputElement).value)} /></label>
        <datalist id="event-types">{declared.map((t) => <option key={t} value={t} />)}</datalist>
        <label class="field">data <textarea name="event-data" rows={2} value={data} onInput={(e) => setData((e.target as HTMLTextAreaElement).value)} /></label>
        <button type="submit" class="btn v-primary">Emit</button>
      </form>
      {err ? <div class="field-error">{err}</div> : null}
      <div class="small muted">subscribed: {(app.surfaces?.events.subscribes ?? []).map((s) => `${s.type} → ${s.handler}`).join(', ') || 'none'}</div>
      <table class="table" data-testid="event-log">
        <thead><tr><th>type</th><th>user</th><th>data</th></tr></thead>
        <tbody>{[...log].reverse().map((e, i) => <tr key={i}><td>{e.eventType}</td><td>{e.userId}</td><td><code>{JSON.stringify(e.data)}</code></td></tr>)}</tbody>
      </table>
    </div>
  );
}
