/**
 * Merges a freshly generated `imperal.json` with the one on disk, as the
 * 5.11 generator does: marketplace fields written by hand win, and every
 * other schema field the generator does not own (`hidden_in_sidebar`, …)
 * is preserved.
 *
 * @module
 */
import schema from '../schema/imperal.schema.json' with { type: 'json' };

/** Marketplace fields: taken from disk over generated values when present there. */
export const MARKETPLACE_FIELDS = ['name', 'description', 'author', 'license', 'homepage', 'icon', 'category', 'tags', 'marketplace', 'pricing'];

/** Top-level manifest fields the generator always owns (never taken from disk). */
export const GENERATOR_FIELDS = [
  'manifest_schema_version', 'sdk_version', 'app_id', 'version', 'actions_explicit', 'system', 'capabilities', 'tools', 'signals',
  'schedules', 'required_scopes', 'icon_size_bytes', 'webhooks', 'events', 'exposed', 'lifecycle', 'lifecycle_hooks', 'tray',
  'migrations_dir', 'config_defaults', 'secrets', 'panels', 'menu', 'oauth', 'file_sinks',
];

const SCHEMA_FIELDS = Object.keys((schema as { properties: object }).properties);

type Obj = Record<string, unknown>;

/**
 * `generated` with the preserved fields of `onDisk` applied: marketplace
 * fields replace generated values in place; other non-generator schema
 * fields are appended in disk order. Keys unknown to the schema are dropped.
 */
export function mergeManifest(generated: Obj, onDisk: unknown): Obj {
  if (typeof onDisk !== 'object' || onDisk === null || Array.isArray(onDisk)) return generated;
  const disk = onDisk as Obj;
  const merged: Obj = { ...generated };
  for (const [key, value] of Object.entries(disk)) {
    if (MARKETPLACE_FIELDS.includes(key)) merged[key] = value;
    else if (SCHEMA_FIELDS.includes(key) && !GENERATOR_FIELDS.includes(key) && !(key in merged)) merged[key] = value;
  }
  return merged;
}

/** JSON values equal regardless of object key order (arrays stay ordered). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameJson(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Obj)[k], (b as Obj)[k]));
}

/** Top-level fields where `onDisk` differs from `expected` (what `imperal build` would change). */
export function staleFields(expected: Obj, onDisk: unknown): string[] {
  if (typeof onDisk !== 'object' || onDisk === null || Array.isArray(onDisk)) return ['(the whole file)'];
  const disk = onDisk as Obj;
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(disk)])];
  return keys.filter((k) => !sameJson(expected[k], disk[k]));
}
