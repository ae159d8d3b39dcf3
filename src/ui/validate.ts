/**
 * Runtime checks for prop values. Each check validates one value and returns
 * it, normalised when the wire tolerates synonyms (e.g. `warning` → `warn`).
 *
 * @module
 */
import { UIAction } from './actions.js';
import { UIValidationError } from './errors.js';
import { isUINode, UINode } from './node.js';
import { isPlainObject, isSerialisable } from './wire.js';

/** Where a value sits: the factory and the prop path, for error messages. */
export interface Where {
  /** Factory name, e.g. `Button`. */
  readonly component: string;
  /** Prop path as the caller wrote it, e.g. `items[1].label`. */
  readonly prop: string;
}

/** Validates (and possibly normalises) one prop value; throws {@link UIValidationError}. */
export type Check = (value: unknown, at: Where) => unknown;

/** Builds the error for `at` (saves repeating the two fields at every call site). */
export function fail(at: Where, problem: string, allowed?: readonly string[]): UIValidationError {
  return new UIValidationError(at.component, at.prop, problem, allowed);
}

/** Short description of a bad value for error messages. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (isUINode(value)) return `a ${value.type} node`;
  return Array.isArray(value) ? 'an array' : String(value);
}

/**
 * Accepts one of `allowed`. With `aliases`, matching is case-insensitive and a
 * synonym is replaced by its canonical value (the renderer's own tolerance).
 */
export function oneOf<T extends string>(allowed: readonly T[], aliases?: Readonly<Record<string, T>>): Check {
  const canonical = new Set<string>(allowed);
  return (value, at) => {
    if (typeof value === 'string') {
      if (canonical.has(value)) return value;
      if (aliases !== undefined) {
        const lower = value.trim().toLowerCase();
        if (canonical.has(lower)) return lower;
        const mapped = aliases[lower];
        if (mapped !== undefined) return mapped;
      }
    }
    const names = aliases === undefined ? allowed : [...allowed, ...Object.keys(aliases)];
    throw fail(at, `must be one of the listed values, got ${describe(value)}`, names);
  };
}

/** Accepts a finite number within `[min, max]`, optionally only integers. */
export function numberIn(min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false): Check {
  return (value, at) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw fail(at, `must be a finite ${integer ? 'integer' : 'number'}, got ${describe(value)}`);
    }
    if (value < min || value > max) throw fail(at, `must be between ${min} and ${max}, got ${value}`);
    return value;
  };
}

/** Accepts a non-empty string. */
export const nonEmpty: Check = (value, at) => {
  if (typeof value === 'string' && value !== '') return value;
  throw fail(at, `must be a non-empty string, got ${value === '' ? "''" : describe(value)}`);
};

/** Accepts an action (`ui.Call`, `ui.Navigate`, `ui.Send`, `ui.Open`). */
export const action: Check = (value, at) => {
  if (value instanceof UIAction || (isSerialisable(value) && typeof (value as { action?: unknown }).action === 'string')) return value;
  throw fail(at, `must be an action (ui.Call, ui.Navigate, ui.Send or ui.Open), got ${describe(value)}`);
};

/** Accepts a single UINode. */
export const oneNode: Check = (value, at) => {
  if (value instanceof UINode || isUINode(value)) return value;
  throw fail(at, `must be a UINode, got ${describe(value)}`);
};

/** A child slot entry: a node, or `false`/`null`/`undefined` for conditional rendering (`cond && ui.Text(…)`). */
export type Child = UINode | false | null | undefined;

/** What a children prop accepts: one node or a list (falsy entries are skipped). */
export type Children = UINode | readonly Child[];

/**
 * Normalises a children prop to an array of nodes: a single node becomes a
 * one-element list and `false`/`null`/`undefined` entries are skipped, so
 * `cond && ui.Text('…')` works inline.
 */
export const children: Check = (value, at) => {
  if (!Array.isArray(value)) return [oneNode(value, at)];
  const out: unknown[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (item instanceof UINode) out.push(item);
    else if (item !== false && item !== null && item !== undefined) out.push(oneNode(item, { component: at.component, prop: `${at.prop}[${index}]` }));
  }
  return out;
};

/** How {@link listOf} checks and rewrites each item of a list-valued prop. */
export interface ItemRules {
  /** Keys each item must have (wire names, after renaming). */
  readonly required?: readonly string[];
  /** Keys of which each item must have at least one (e.g. a tab's `content` or `children`). */
  readonly requireOne?: readonly string[];
  /** Items for which this returns true skip the `required` check (e.g. menu separators). */
  readonly exempt?: (item: Record<string, unknown>) => boolean;
  /** camelCase key → wire key, applied in place so key order is kept. */
  readonly renames?: Readonly<Record<string, string>>;
  /** Per-key checks on the renamed item (e.g. `on_click` must be an action). */
  readonly fields?: Readonly<Record<string, Check>>;
  /** Key holding nested items of the same shape (tree children). */
  readonly nested?: string;
}

/**
 * Checks a list of plain-object items (tabs, menu items, select options, …):
 * required keys present, camelCase keys renamed to wire names, per-field
 * checks applied. Unknown keys pass through verbatim, as the wire allows.
 */
export function listOf(rules: ItemRules): Check {
  const { renames, fields, nested, exempt, required = [], requireOne } = rules;
  const verbatim = renames === undefined && fields === undefined && nested === undefined;
  const walk: Check = (value, at) => {
    if (!Array.isArray(value)) throw fail(at, `must be an array, got ${describe(value)}`);
    const items: Record<string, unknown>[] = [];
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      // Paths for error messages are only built when something is checked or wrong.
      const path = (key?: string): Where => ({ component: at.component, prop: `${at.prop}[${index}]${key === undefined ? '' : `.${key}`}` });
      if (!isPlainObject(item)) throw fail(path(), `must be an object, got ${describe(item)}`);
      // Items without renames or field checks (table rows, chart points) are copied in one step.
      const out: Record<string, unknown> = verbatim ? { ...item } : {};
      if (!verbatim) {
        for (const key of Object.keys(item)) {
          const wireKey = renames?.[key] ?? key;
          if (wireKey !== key && wireKey in item) throw fail(path(), `has both '${key}' and '${wireKey}'; pass one`);
          let field = item[key];
          const check = wireKey === nested ? walk : fields?.[wireKey];
          // `null` in nested data is data: sent as it is.
          if (check !== undefined && field !== undefined && field !== null) field = check(field, path(key));
          out[wireKey] = field;
        }
      }
      if (exempt?.(out) !== true) {
        for (const key of required) if (out[key] === undefined || out[key] === null) throw fail(path(key), 'is required');
        if (requireOne !== undefined && !requireOne.some((key) => out[key] !== undefined && out[key] !== null)) {
          throw fail(path(requireOne[0]), `is required (or '${requireOne.slice(1).join("' or '")}')`);
        }
      }
      items.push(out);
    }
    return items;
  };
  return walk;
}

/** Accepts an array of strings. */
export const strings: Check = (value, at) => {
  if (!Array.isArray(value)) throw fail(at, `must be an array of strings, got ${describe(value)}`);
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string') throw fail({ component: at.component, prop: `${at.prop}[${index}]` }, `must be a string, got ${describe(item)}`);
  });
  return value;
};

/** A string prop with documented values that still accepts others (editor completion without rejection). */
export type Suggest<T extends string> = T | (string & {});
