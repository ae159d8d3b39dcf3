/** Functions: a form per chat function, run as the chosen identity, the ActionResult shown with its ui. */
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api } from '../api';
import { HostContext, UI } from '../render';
import { SchemaField, initialValue } from '../schema-form';
import { AppContext, refreshPanels } from '../state';
import { makeHost } from './host';
import { Logs } from './logs';

/** Formatted ActionResult: status, summary, error, data, rendered ui. */
export function ResultView({ result, callId }: { result: any; callId?: string }): JSX.Element {
  const app = useContext(AppContext);
  const host = useMemo(() => makeHost(app), [app]);
  return (
    <div class="result" data-status={result.status}>
      <div><span class={`badge ${result.status === 'success' ? 'c-green' : 'c-red'}`}>{result.status}</span> {result.summary} {result.error_code ? <code>{result.error_code}</code> : null}</div>
      {result.error ? <div class="alert a-error" data-testid="result-error">{result.error}</div> : null}
      {result.refresh_panels ? <div class="small muted">refresh_panels: {JSON.stringify(result.refresh_panels)}</div> : null}
      {result.ui ? <div class="result-ui"><div class="small muted">ui</div><HostContext.Provider value={host}><UI node={result.ui} /></HostContext.Provider></div> : null}
      <details open><summary class="small">ActionResult</summary><pre>{JSON.stringify(result, null, 2)}</pre></details>
      {callId ? <Logs call={callId} /> : null}
    </div>
  );
}

/** The form of one function. */
function FunctionForm({ fn }: { fn: any }): JSX.Element {
  const app = useContext(AppContext);
  const [value, setValue] = useState<any>(() => initialValue(fn.params_schema));
  const [out, setOut] = useState<{ result: any; callId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setValue(initialValue(fn.params_schema)); setOut(null); }, [fn.name]);
  const errors: Record<string, string> = {};
  if (out?.result?.error_code === 'INVALID_PARAMS') for (const i of out.result.data?.issues ?? []) errors[i.path || ''] = i.message;
  const run = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await fetch('/api/call', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ function: fn.name, params: value ?? {}, as: app.identity }) });
      const result = await res.json();
      setOut({ result: res.ok ? result : { status: 'error', error: result.error }, callId: res.headers.get('x-imperal-call-id') ?? '' });
      if (res.ok) refreshPanels(Array.isArray(result.refresh_panels) ? result.refresh_panels : []);
    } finally {
      setBusy(false);
    }
  };
  const schema = fn.params_schema && Object.keys(fn.params_schema).length ? fn.params_schema : { type: 'object', properties: {} };
  return (
    <form class="fnform" data-function={fn.name} onSubmit={(e) => void run(e)}>
      <h2>{fn.name} <span class="badge">{fn.action_type}</span>{fn.event ? <span class="badge c-purple">emits {fn.event}</span> : null}</h2>
      <p class="muted">{fn.description}</p>
      <SchemaField schema={schema} value={value} onChange={setValue} path="" name="params" required errors={errors} />
      {errors[''] ? <div class="field-error">{errors['']}</div> : null}
      <button type="submit" class="btn v-primary" disabled={busy}>{busy ? 'Running…' : `Run ${fn.name}`}</button>
      <span class="small muted"> as {app.identity.userId}</span>
      {out ? <ResultView result={out.result} callId={out.callId} /> : null}
    </form>
  );
}

/** The Functions view. */
export function Functions(): JSX.Element {
  const app = useContext(AppContext);
  const fns = app.surfaces?.functions ?? [];
  const [sel, setSel] = useState('');
  const fn = fns.find((f) => f.name === sel) ?? fns[0];
  return (
    <div class="split">
      <ul class="picker">
        {fns.map((f) => <li key={f.name}><button type="button" class={f === fn ? 'active' : ''} onClick={() => setSel(f.name)}>{f.name}</button></li>)}
        {fns.length === 0 ? <li class="muted">no chat functions</li> : null}
      </ul>
      <div class="grow">{fn ? <FunctionForm fn={fn} /> : null}</div>
    </div>
  );
}
