/**
 * The cross-field manifest rules M6.3, M7.3 and M8.2. Upstream raises on
 * them; here they are findings.
 *
 * @module
 */
import { pyList } from '../text.js';

/** One semantic manifest problem. */
export interface SemanticIssue {
  readonly rule: 'M6.3' | 'M7.3' | 'M8.2';
  readonly message: string;
  readonly fix: string;
}

type Obj = Record<string, unknown>;

function strings(list: unknown, key: string): string[] {
  return Array.isArray(list) ? list.flatMap((x) => (typeof (x as Obj)?.[key] === 'string' ? [(x as Obj)[key] as string] : [])) : [];
}

const hasDuplicates = (values: readonly string[]): boolean => new Set(values).size !== values.length;

/** Semantic problems of a schema-valid manifest object. */
export function semanticIssues(m: Obj): SemanticIssue[] {
  const out: SemanticIssue[] = [];
  const paths = strings(m.webhooks, 'path');
  if (hasDuplicates(paths)) {
    out.push({ rule: 'M6.3', message: `webhooks[].path duplicate — paths must be unique: ${pyList(paths)}`, fix: 'Give each webhook a unique path' });
  }
  const appId = typeof m.app_id === 'string' ? m.app_id : '';
  for (const type of strings((m.events as Obj | undefined)?.emits, 'type')) {
    if (!type.startsWith(`${appId}.`)) {
      out.push({ rule: 'M7.3', message: `events.emits[].type '${type}' must be prefixed by app_id '${appId}' (cross-namespace block)`,
        fix: `Rename the event to '${appId}.${type.split('.').slice(1).join('.') || type}'` });
    }
  }
  const exposed = strings(m.exposed, 'name');
  if (hasDuplicates(exposed)) {
    out.push({ rule: 'M8.2', message: `exposed[].name duplicate — names must be unique: ${pyList(exposed)}`, fix: 'Give each exposed method a unique name' });
  }
  return out;
}
