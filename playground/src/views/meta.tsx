/** The manifest, the live validator findings, and a UI JSON previewer. */
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api } from '../api';
import { HostContext, UI } from '../render';
import { AppContext } from '../state';
import { makeHost } from './host';

/** The manifest as `imperal build` would write it. */
export function Manifest(): JSX.Element {
  const app = useContext(AppContext);
  const [m, setM] = useState<any>(null);
  useEffect(() => void api('manifest').then(setM).catch((e: Error) => setM({ error: e.message })), [app.last?.kind === 'reload' ? app.last.seq : 0]);
  return <div><h2>Manifest</h2><pre data-testid="manifest">{JSON.stringify(m, null, 2)}</pre></div>;
}

/** `imperal validate` findings for the current sources. */
export function Findings(): JSX.Element {
  const app = useContext(AppContext);
  const [r, setR] = useState<any>(null);
  useEffect(() => void api('findings').then(setR).catch(() => undefined), []);
  useEffect(() => { if (app.last?.kind === 'findings') setR(app.last.data); }, [app.last?.seq]);
  if (!r) return <div class="muted">validating…</div>;
  return (
    <div>
      <h2>Findings</h2>
      <div>{r.counts.ERROR} errors, {r.counts.WARN} warnings, {r.counts.INFO} infos</div>
      <table class="table" data-testid="findings">
        <tbody>{r.findings.map((f: any, i: number) => <tr key={i}><td><span class={`badge ${f.level === 'ERROR' ? 'c-red' : f.level === 'WARN' ? 'c-yellow' : 'c-gray'}`}>{f.level}</span></td><td><code>{f.rule}</code></td><td>{f.message}<div class="small muted">fix: {f.fix}</div></td><td class="small">{f.file}:{f.line}</td></tr>)}</tbody>
      </table>
    </div>
  );
}

/** Paste UI JSON (a node or an envelope) and see it rendered. */
export function Preview(): JSX.Element {
  const app = useContext(AppContext);
  const [text, setText] = useState('{"type": "Text", "props": {"content": "Hello", "variant": "body"}}');
  const [node, setNode] = useState<unknown>(null);
  const [err, setErr] = useState('');
  const host = useMemo(() => makeHost(app), [app]);
  const render = (): void => {
    try {
      const v = JSON.parse(text);
      setNode(v && typeof v === 'object' && 'ui' in v ? v.ui : v);
      setErr('');
    } catch (e) {
      setErr((e as Error).message);
    }
  };
  return (
    <div>
      <h2>UI preview</h2>
      <textarea name="ui-json" rows={6} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="button" class="btn v-primary" onClick={render}>Render</button>
      {err ? <div class="field-error">{err}</div> : null}
      <div class="preview" data-testid="preview"><HostContext.Provider value={host}>{node ? <UI node={node} /> : null}</HostContext.Provider></div>
    </div>
  );
}
