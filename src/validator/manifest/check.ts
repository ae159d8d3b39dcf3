/**
 * Checks an `imperal.json` object against the manifest schema (ajv, draft
 * 2020-12) plus the value checks, and classifies each problem into M1–M5
 * the way the upstream validator does.
 *
 * @module
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import schema from '../schema/imperal.schema.json' with { type: 'json' };
import { pydanticMessage } from './pydantic-messages.js';
import { valueIssues } from './value-checks.js';

/** One classified manifest problem. */
export interface ManifestIssue {
  readonly rule: 'M1' | 'M2' | 'M3' | 'M4' | 'M5';
  readonly message: string;
  readonly fix: string;
}

let compiled: ValidateFunction | undefined;

/** The compiled schema validator (compiled once per process). */
function validator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(schema);
  return compiled;
}

/** Python's type name of a JSON value, for M1. */
function pyTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value;
}

/** Drops the errors pydantic would not report: non-first `anyOf` branches and the `anyOf` summary. */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'anyOf' && !/\/anyOf\/[1-9]\d*\//.test(e.schemaPath));
}

function locOf(error: ErrorObject): string {
  const base = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const p = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = p.missingProperty ?? p.additionalProperty;
  const loc = [...base, ...(extra === undefined ? [] : [extra])].join('.');
  return loc || 'root';
}

const FIELD_ORDER = Object.keys((schema as { properties: object }).properties);

/** Sort key: manifest field declaration order, unknown keys last, then array index. */
function orderOf(loc: string): [number, number] {
  const [top = '', second = ''] = loc.split('.');
  const i = FIELD_ORDER.indexOf(top);
  return [i < 0 ? FIELD_ORDER.length : i, /^\d+$/.test(second) ? Number(second) : -1];
}

function classify(kind: string, loc: string, msg: string): ManifestIssue {
  if (kind === 'required') return { rule: 'M2', message: `[${loc}] Field required`, fix: `Add '${loc}' field to imperal.json` };
  if (kind === 'additionalProperties') {
    return { rule: 'M3', message: `[${loc}] Extra inputs are not permitted`,
      fix: `Remove '${loc}' — not a known manifest field. Common typos: 'schedule'→'schedules', 'tool'→'tools'` };
  }
  if (/^(?:tools|signals|schedules)\./.test(loc)) return { rule: 'M5', message: `[${loc}] ${msg}`, fix: `Fix nested value at '${loc}': ${msg}` };
  return { rule: 'M4', message: `[${loc}] ${msg}`, fix: `Fix value at '${loc}': ${msg}` };
}

/** Every M1–M5 problem of `data`, in upstream order. */
export function checkManifest(data: unknown): ManifestIssue[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return [{ rule: 'M1', message: `manifest root must be a JSON object, got ${pyTypeName(data)}`, fix: 'Ensure imperal.json parses to a top-level {...} object' }];
  }
  const validate = validator();
  validate(data);
  const raw = [
    ...relevant(validate.errors ?? []).map((e) => ({ kind: e.keyword, loc: locOf(e), msg: pydanticMessage(e) })),
    ...valueIssues(data as Record<string, unknown>).map((v) => ({ kind: 'value', loc: v.loc, msg: v.msg })),
  ];
  // One message per location, like pydantic (a failed type check hides the value check).
  const seen = new Set<string>();
  const unique = raw.filter((r) => {
    const key = `${r.loc}\u0000${r.kind === 'value' ? 'type' : r.kind}`;
    if (seen.has(key) || (r.kind === 'value' && seen.has(`${r.loc}\u0000type`))) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((r, i) => ({ r, i, order: orderOf(r.loc) }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.i - b.i)
    .map(({ r }) => classify(r.kind, r.loc, r.msg));
}
