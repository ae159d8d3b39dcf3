/**
 * A form generated from a params JSON Schema: strings (enums, dates), numbers
 * and integers with bounds, booleans, arrays, nested objects, nullable
 * fields, defaults and descriptions; an error is shown next to its field.
 */
import type { JSX } from 'preact';

type S = Record<string, any>;

/** The non-null branch and whether `null` is allowed. */
function unwrap(schema: S): { s: S; nullable: boolean } {
  const alts = (schema.anyOf ?? schema.oneOf) as S[] | undefined;
  if (alts) {
    const rest = alts.filter((a) => a.type !== 'null');
    if (rest.length === 1 && rest.length < alts.length) return { s: { ...schema, ...rest[0], anyOf: undefined, oneOf: undefined }, nullable: true };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t: string) => t !== 'null');
    return { s: { ...schema, type: types[0] }, nullable: types.length < schema.type.length };
  }
  return { s: schema, nullable: false };
}

/** The starting value of a schema: its default, else an empty value of its type. */
export function initialValue(schema: S): unknown {
  const { s, nullable } = unwrap(schema ?? {});
  if (s.default !== undefined) return s.default;
  if (nullable) return null;
  if (s.type === 'object') return Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, S>).filter(([k, p]) => (s.required ?? []).includes(k) || p.default !== undefined).map(([k, p]) => [k, initialValue(p)]));
  if (s.type === 'array') return [];
  if (s.type === 'boolean') return false;
  if (s.type === 'number' || s.type === 'integer') return undefined;
  if (s.enum) return undefined;
  return '';
}

interface FieldProps {
  schema: S;
  value: unknown;
  onChange: (v: unknown) => void;
  path: string;
  name: string;
  required: boolean;
  errors: Record<string, string>;
}

/** One field (recursive for objects and arrays). */
export function SchemaField({ schema, value, onChange, path, name, required, errors }: FieldProps): JSX.Element {
  const { s, nullable } = unwrap(schema ?? {});
  const err = errors[path];
  const isNull = nullable && value === null;
  let input: JSX.Element;
  if (isNull) input = <span class="muted small">null</span>;
  else if (s.enum) {
    input = (
      <select name={path} value={value === undefined ? '' : JSON.stringify(value)} onChange={(e) => onChange((e.target as HTMLSelectElement).value === '' ? undefined : JSON.parse((e.target as HTMLSelectElement).value))}>
        <option value="">—</option>
        {(s.enum as unknown[]).map((v) => <option key={String(v)} value={JSON.stringify(v)}>{String(v)}</option>)}
      </select>
    );
  } else if (s.type === 'boolean') {
    input = <input type="checkbox" name={path} checked={value === true} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} />;
  } else if (s.type === 'number' || s.type === 'integer') {
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : undefined);
    const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum : undefined);
    input = (
      <span>
        <input type="number" name={path} step={s.type === 'integer' ? 1 : 'any'} min={min} max={max} value={value === undefined || value === null ? '' : String(value)} onInput={(e) => { const t = (e.target as HTMLInputElement).value; onChange(t === '' ? undefined : Number(t)); }} />
        {min !== undefined || max !== undefined ? <span class="small muted"> {min ?? '−∞'} … {max ?? '∞'}</span> : null}
      </span>
    );
  } else if (s.type === 'array') {
    const items = Array.isArray(value) ? value : [];
    input = (
      <div class="arr">
        {items.map((it, i) => (
          <div key={i} class="row">
            <SchemaField schema={s.items ?? {}} value={it} onChange={(v) => onChange(items.map((x, j) => (j === i ? v : x)))} path={`${path}.${i}`} name={`#${i}`} required errors={errors} />
            <button type="button" class="btn sm" onClick={() => onChange(items.filter((_, j) => j !== i))}>Remove</button>
          </div>
        ))}
        <button type="button" class="btn sm" onClick={() => onChange([...items, initialValue(s.items ?? {})])}>Add {name}</button>
      </div>
    );
  } else if (s.type === 'object' || s.properties) {
    const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    input = (
      <fieldset>
        {Object.entries((s.properties ?? {}) as Record<string, S>).map(([k, p]) => (
          <SchemaField key={k} schema={p} value={obj[k]} onChange={(v) => { const next = { ...obj }; if (v === undefined || (v === '' && !(s.required ?? []).includes(k))) delete next[k]; else next[k] = v; onChange(next); }} path={path ? `${path}.${k}` : k} name={k} required={(s.required ?? []).includes(k)} errors={errors} />
        ))}
      </fieldset>
    );
  } else {
    const type = s.format === 'date' ? 'date' : s.format === 'date-time' ? 'datetime-local' : s.format === 'email' ? 'email' : s.format === 'uri' ? 'url' : 'text';
    input = <input type={type as 'text'} name={path} value={value === undefined || value === null ? '' : String(value)} minLength={s.minLength} maxLength={s.maxLength} placeholder={s.examples?.[0] ?? ''} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />;
  }
  if (!path) return input;
  return (
    <div class={`sf${err ? ' has-error' : ''}`} data-field={path}>
      <label>
        <span class="field-label">{name}{required ? ' *' : ''} <span class="small muted">{s.type ?? (s.enum ? 'enum' : '')}{nullable ? ' | null' : ''}</span></span>
        {input}
      </label>
      {nullable ? <label class="small"><input type="checkbox" checked={isNull} onChange={() => onChange(isNull ? initialValue({ ...s, default: undefined }) : null)} /> null</label> : null}
      {s.description ? <div class="small muted help">{s.description}</div> : null}
      {s.default !== undefined ? <div class="small muted">default {JSON.stringify(s.default)}</div> : null}
      {err ? <div class="field-error" data-error-for={path}>{err}</div> : null}
    </div>
  );
}
