/** Per-call logs (`ctx.log`, secrets masked by the server), live. */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api } from '../api';
import { AppContext } from '../state';

/** Logs of one call, or the latest of all calls. */
export function Logs({ call }: { call?: string }): JSX.Element {
  const app = useContext(AppContext);
  const [logs, setLogs] = useState<any[]>([]);
  const load = (): void => void api(call ? `logs?call=${call}` : 'logs').then(setLogs).catch(() => undefined);
  useEffect(load, [call]);
  useEffect(() => { if (app.last?.kind === 'log' && (!call || app.last.data.callId === call)) load(); }, [app.last?.seq]);
  return (
    <div class="logs">
      <div class="small muted">{call ? `logs of call ${call}` : 'latest logs'} ({logs.length})</div>
      {logs.map((l, i) => (
        <div key={i} class={`log l-${l.level}`}><span class="small muted">{l.time?.slice(11, 23)} {l.callId}</span> <b>{l.level}</b> {l.message} {Object.keys(l.fields ?? {}).length ? <code>{JSON.stringify(l.fields)}</code> : null}</div>
      ))}
    </div>
  );
}
