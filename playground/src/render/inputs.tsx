/**
 * Inputs: Input, Form, Select, MultiSelect, Toggle, Slider, DatePicker,
 * FileUpload, TextArea, RichEditor, TagInput, Checkbox, RadioGroup. Each keeps
 * its value, reports it to the enclosing Form under `param_name`, and fires
 * its own action (`on_change`/`on_submit`/…) with `{[param_name]: value}`.
 */
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { FormContext, HostContext, isAction, str, type FormScope, type WireAction } from './context';
import { kids } from './node';

type P = Record<string, unknown>;
type Opt = { value?: unknown; label?: unknown };

/** Value state wired to the form and to an action. */
function useField<T>(p: P, initial: T, fallbackName: string): [T, (v: T, fire?: unknown) => void] {
  const form = useContext(FormContext);
  const host = useContext(HostContext);
  const name = str(p.param_name) || fallbackName;
  const [value, setValue] = useState<T>(initial);
  useEffect(() => form?.set(name, initial), [form, name]);
  const update = (v: T, fire?: unknown): void => {
    setValue(v);
    form?.set(name, v);
    if (isAction(fire)) host.act(fire as WireAction, { [name]: v });
  };
  return [value, update];
}

function Field({ p, children }: { p: P; children: ComponentChildren }): JSX.Element {
  return (
    <label class="field">
      {p.label ? <span class="field-label">{str(p.label)}{p.required ? ' *' : ''}</span> : null}
      {children}
      {p.description ? <span class="small muted">{str(p.description)}</span> : null}
      {p.error ? <span class="field-error">{str(p.error)}</span> : null}
      <span class="small muted param">→ {str(p.param_name)}</span>
    </label>
  );
}

const val = (e: Event): string => (e.target as HTMLInputElement).value;

function Input(p: P): JSX.Element {
  const [v, set] = useField(p, str(p.value), 'value');
  return (
    <Field p={p}>
      <input type={(str(p.type) || 'text') as 'text'} placeholder={str(p.placeholder)} value={v} disabled={!!p.disabled} onInput={(e) => set(val(e))} onKeyDown={(e) => e.key === 'Enter' && set((e.target as HTMLInputElement).value, p.on_submit)} />
    </Field>
  );
}

function TextArea(p: P): JSX.Element {
  const [v, set] = useField(p, str(p.value), 'text');
  return (
    <Field p={p}>
      <textarea rows={Number(p.rows ?? 4)} placeholder={str(p.placeholder)} value={v} onInput={(e) => set(val(e))} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && set(val(e), p.on_submit)} />
    </Field>
  );
}

function Select(p: P): JSX.Element {
  const opts = (Array.isArray(p.options) ? p.options : []) as Opt[];
  const [v, set] = useField(p, str(p.value), 'value');
  return (
    <Field p={p}>
      <select value={v} onChange={(e) => set(val(e), p.on_change)}>
        {p.placeholder ? <option value="">{str(p.placeholder)}</option> : null}
        {opts.map((o) => <option key={str(o.value)} value={str(o.value)}>{str(o.label ?? o.value)}</option>)}
      </select>
    </Field>
  );
}

function MultiSelect(p: P): JSX.Element {
  const opts = (Array.isArray(p.options) ? p.options : []) as Opt[];
  const [v, set] = useField<string[]>(p, (Array.isArray(p.values) ? p.values : []).map(str), 'values');
  return (
    <Field p={p}>
      {p.placeholder ? <span class="small muted">{str(p.placeholder)}</span> : null}
      <span class="checks">
        {opts.map((o) => {
          const on = v.includes(str(o.value));
          return <label key={str(o.value)}><input type="checkbox" checked={on} onChange={() => set(on ? v.filter((x) => x !== str(o.value)) : [...v, str(o.value)], p.on_change)} /> {str(o.label ?? o.value)}</label>;
        })}
      </span>
    </Field>
  );
}

function Toggle(p: P): JSX.Element {
  const [v, set] = useField(p, !!p.value, 'enabled');
  return <Field p={{ ...p, label: undefined }}><span><input type="checkbox" role="switch" checked={v} onChange={() => set(!v, p.on_change)} /> {str(p.label)} <span class="small muted">{v ? 'on' : 'off'}</span></span></Field>;
}

function Checkbox(p: P): JSX.Element {
  const [v, set] = useField(p, !!p.value, 'checked');
  return <Field p={{ ...p, label: undefined }}><span><input type="checkbox" checked={v} onChange={() => set(!v, p.on_change)} /> {str(p.label)}</span></Field>;
}

function RadioGroup(p: P): JSX.Element {
  const opts = (Array.isArray(p.options) ? p.options : []) as Opt[];
  const [v, set] = useField(p, str(p.value), 'value');
  return (
    <Field p={p}>
      <span class={p.orientation === 'horizontal' ? 'row' : 'col'}>
        {opts.map((o) => <label key={str(o.value)}><input type="radio" checked={v === str(o.value)} onChange={() => set(str(o.value), p.on_change)} /> {str(o.label ?? o.value)}</label>)}
      </span>
    </Field>
  );
}

function Slider(p: P): JSX.Element {
  const [v, set] = useField(p, Number(p.value ?? 50), 'value');
  return (
    <Field p={p}>
      <span><input type="range" min={Number(p.min ?? 0)} max={Number(p.max ?? 100)} step={Number(p.step ?? 1)} value={v} disabled={!!p.disabled} onInput={(e) => set(Number(val(e)))} /> <b>{v}</b> <span class="small muted">({str(p.min)}–{str(p.max)}, step {str(p.step)})</span></span>
    </Field>
  );
}

function DatePicker(p: P): JSX.Element {
  const [v, set] = useField(p, str(p.value), 'date');
  return <Field p={p}><input type="date" value={v} min={str(p.min) || undefined} max={str(p.max) || undefined} placeholder={str(p.placeholder)} onChange={(e) => set(val(e), p.on_change)} />{p.placeholder ? <span class="small muted">{str(p.placeholder)}</span> : null}</Field>;
}

function FileUpload(p: P): JSX.Element {
  const [files, set] = useField<Array<{ name: string; data: string }>>(p, [], 'files');
  const pick = async (e: Event): Promise<void> => {
    const list = [...((e.target as HTMLInputElement).files ?? [])];
    const read = await Promise.all(list.map(async (f) => ({ name: f.name, data: btoa(String.fromCharCode(...new Uint8Array(await f.arrayBuffer()))) })));
    set(read, p.on_upload);
  };
  return (
    <Field p={p}>
      {p.title ? <b>{str(p.title)}</b> : null}
      <input type="file" accept={str(p.accept)} multiple={!!p.multiple} onChange={(e) => void pick(e)} />
      <span class="small muted">accept {str(p.accept)}, max {str(p.max_size_mb)} MB{p.max_files ? `, ${str(p.max_files)} files` : ''}{p.max_total_mb ? `, ${str(p.max_total_mb)} MB total` : ''}{Array.isArray(p.blocked_extensions) ? `, blocked ${(p.blocked_extensions as unknown[]).map(str).join(' ')}` : ''}{p.hint ? ` — ${str(p.hint)}` : ''}</span>
      {files.length ? <span class="small">{files.map((f) => f.name).join(', ')}</span> : null}
    </Field>
  );
}

function RichEditor(p: P): JSX.Element {
  const [v, set] = useField(p, str(p.content), 'content');
  return (
    <Field p={p}>
      {p.toolbar ? <span class="small muted">[B] [I] [U] toolbar</span> : null}
      <textarea rows={5} placeholder={str(p.placeholder)} value={v} onInput={(e) => set(val(e), p.on_change)} onKeyDown={(e) => { if (e.key === 's' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); set(val(e), p.on_save); } }} />
    </Field>
  );
}

function TagInput(p: P): JSX.Element {
  const [tags, set] = useField<string[]>(p, (Array.isArray(p.values) ? p.values : []).map(str), 'tags');
  const [text, setText] = useState('');
  const [err, setErr] = useState('');
  const add = (t: string): void => {
    if (!t) return;
    if (p.validate && !new RegExp(str(p.validate)).test(t)) return setErr(str(p.validate_message) || `does not match ${str(p.validate)}`);
    setErr('');
    set([...tags, t], p.on_change);
    setText('');
  };
  const delims = Array.isArray(p.delimiters) ? (p.delimiters as unknown[]).map(str) : [];
  return (
    <Field p={p}>
      <span class="tags">{tags.map((t, i) => <span key={i} class="badge">{t} <button type="button" class="x" onClick={() => set(tags.filter((_, j) => j !== i), p.on_change)}>×</button></span>)}</span>
      <input placeholder={str(p.placeholder)} value={text} list={`sugg-${str(p.param_name)}`} onInput={(e) => setText(val(e))} onKeyDown={(e) => { if (e.key === 'Enter' || delims.includes(e.key)) { e.preventDefault(); add(text.trim()); } }} />
      <datalist id={`sugg-${str(p.param_name)}`}>{(Array.isArray(p.suggestions) ? p.suggestions : []).map((s) => <option key={str(s)} value={str(s)} />)}</datalist>
      {Array.isArray(p.suggestions) && p.suggestions.length ? <span class="small muted">suggestions: {(p.suggestions as unknown[]).map(str).join(', ')}</span> : null}
      {err ? <span class="field-error">{err}</span> : null}
    </Field>
  );
}

function Form(p: P): JSX.Element {
  const host = useContext(HostContext);
  const values = useRef<Record<string, unknown>>({});
  const scope = useRef<FormScope>({ set: (k, v) => void (values.current[k] = v) });
  const submit = (e: Event): void => {
    e.preventDefault();
    const fn = str(p.action);
    const params = { ...((p.defaults as P) ?? {}), ...values.current };
    if (fn) host.act({ action: 'call', function: fn, params: {} }, params);
  };
  return (
    <form class="uiform" onSubmit={submit}>
      <FormContext.Provider value={scope.current}>{kids(p.children)}</FormContext.Provider>
      <button type="submit" class="btn v-primary">{str(p.submit_label) || 'Submit'}</button>
      {p.action ? <span class="small muted"> → {str(p.action)}</span> : null}
    </form>
  );
}

export const INPUTS = { Input, TextArea, Select, MultiSelect, Toggle, Checkbox, RadioGroup, Slider, DatePicker, FileUpload, RichEditor, TagInput, Form };
