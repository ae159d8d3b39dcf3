/**
 * Input aliases: other names a param may arrive under (an LLM writes `folder`
 * or `folderId` for `folder_id`), the counterpart of Pydantic's `AliasChoices`.
 * They are applied before validation and never appear in `params_schema`.
 *
 * @module
 */
import { RegistrationError } from '../errors.js';
import { isPlainObject } from '../types/json.js';
import type { CompiledSchema, ParseResult } from './schema.js';

/** `{ field: ['alias', …] }`: each alias is accepted in place of its field. */
export type ParamAliases<P = Record<string, unknown>> = { readonly [K in keyof P & string]?: readonly string[] };

/**
 * Checks `aliases` against the params schema and returns a schema whose parse
 * renames aliases first. A field given under its own name wins; otherwise the
 * first alias present, in the order listed; other aliases of that field are dropped.
 *
 * @throws {@link RegistrationError} when there are aliases but no params schema, an
 *   alias names no field, collides with a field, or is claimed by two fields.
 */
export function withAliases<T>(subject: string, params: CompiledSchema<T> | undefined, aliases: Readonly<Record<string, readonly string[] | undefined>> | undefined): CompiledSchema<T> | undefined {
  if (aliases === undefined) return params;
  if (!isPlainObject(aliases)) throw new RegistrationError(subject, 'aliases must be an object of { field: [alias, …] }', "write aliases: { folder_id: ['folder', 'folderId'] }");
  const fields = Object.keys((params?.jsonSchema.properties as Record<string, unknown> | undefined) ?? {});
  if (!params) throw new RegistrationError(subject, 'aliases need a params schema', 'add params: z.object({...}) naming the fields the aliases stand for');
  const owner = new Map<string, string>();
  for (const [field, names] of Object.entries(aliases)) {
    if (!fields.includes(field)) throw new RegistrationError(subject, `aliases.${field} names no params field`, `use one of the params fields: ${fields.join(', ') || '(none)'}`);
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n === '')) {
      throw new RegistrationError(subject, `aliases.${field} must be a list of non-empty names`, `write aliases: { ${field}: ['${field.replace(/_id$/, '')}'] }`);
    }
    for (const alias of names as string[]) {
      if (fields.includes(alias)) throw new RegistrationError(subject, `alias '${alias}' of '${field}' is itself a params field`, `drop '${alias}' from aliases.${field}, or rename the field`);
      const other = owner.get(alias);
      if (other !== undefined && other !== field) throw new RegistrationError(subject, `alias '${alias}' is given for both '${other}' and '${field}'`, 'give each alias to one field');
      owner.set(alias, field);
    }
  }
  const table = Object.entries(aliases).map(([field, names]) => [field, [...(names ?? [])]] as const);
  return {
    source: params.source,
    get jsonSchema() {
      return params.jsonSchema;
    },
    parse(input: unknown): ParseResult<T> | Promise<ParseResult<T>> {
      return params.parse(applyAliases(input, table));
    },
  };
}

/** Renames alias keys of a plain-object input to their fields (a new object; the input is untouched). */
function applyAliases(input: unknown, table: ReadonlyArray<readonly [string, readonly string[]]>): unknown {
  if (!isPlainObject(input)) return input;
  let out: Record<string, unknown> | undefined;
  for (const [field, names] of table) {
    for (const alias of names) {
      if (!(alias in input)) continue;
      out ??= { ...input };
      if (!(field in out)) out[field] = input[alias];
      delete out[alias];
    }
  }
  return out ?? input;
}
