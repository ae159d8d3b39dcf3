/**
 * The schema adapter: turns whatever schema an author passes (zod 4, any Standard
 * Schema that can produce JSON Schema, zod 3, or a raw shape of zod fields) into
 * one compiled form with a JSON Schema (draft 2020-12) and a parse function.
 *
 * @module
 */
import { z } from 'zod';
import { loadPeer } from '../lazy.js';
import { SchemaError } from '../errors.js';
import { pydanticSpelling } from './schema-spelling.js';
import type { ValidationIssue } from '../errors.js';
import type { InferSchemaOutput, StandardIssue, StandardSchemaV1 } from './standard-schema.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/** The shorthand `{ title: z.string(), done: z.boolean() }` for `z.object({...})` (zod 4 fields). */
export type RawShape = { readonly [key: string]: z.ZodType };

/** A zod 3 schema older than 3.24 (before zod 3 implemented Standard Schema). */
export interface LegacyZod3Schema {
  readonly _def: unknown;
  safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: { issues: unknown[] } };
}

/** Every kind of schema the SDK accepts for params, returns and cache models. */
export type SchemaLike = StandardSchemaV1 | RawShape | LegacyZod3Schema;

/** The parsed type of a {@link SchemaLike}. */
export type InferSchema<S> = S extends StandardSchemaV1
  ? InferSchemaOutput<S>
  : S extends RawShape
    ? { [K in keyof S]: InferSchemaOutput<S[K]> }
    : unknown;

/** The outcome of parsing input against a schema. */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ValidationIssue[] };

/** A schema ready for use: its JSON Schema and a parser. */
export interface CompiledSchema<T = unknown> {
  /** What the author passed. */
  readonly source: SchemaLike;
  /** JSON Schema (draft 2020-12) of the chosen side, keys in canonical order, no `$schema`. */
  readonly jsonSchema: JsonSchema;
  /** Validates `input`; synchronous for zod, possibly asynchronous for other libraries. */
  parse(input: unknown): ParseResult<T> | Promise<ParseResult<T>>;
}

/** Options of {@link compileSchema}. */
export interface CompileOptions {
  /** Names what the schema belongs to in error messages, e.g. `@chat.fn('create_task') params`. */
  readonly subject: string;
  /** Which side to describe: `input` for params (defaults optional), `output` for returns. */
  readonly io: 'input' | 'output';
  /** Reject schemas whose root is not an object (params must be objects). */
  readonly requireObject: boolean;
}

const DRAFT = 'draft-2020-12';

/** True for a zod 4 schema. */
function isZod4(schema: unknown): schema is z.ZodType {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}

/** True for a zod 3 schema (has `_def` but not zod 4's `_zod`). */
function isZod3(schema: unknown): schema is LegacyZod3Schema {
  return typeof schema === 'object' && schema !== null && '_def' in schema && !('_zod' in schema);
}

function isStandard(schema: unknown): schema is StandardSchemaV1 {
  return typeof schema === 'object' && schema !== null && '~standard' in schema;
}

function isRawShape(schema: unknown): schema is RawShape {
  if (typeof schema !== 'object' || schema === null || isStandard(schema) || isZod3(schema)) return false;
  const values = Object.values(schema);
  return values.every((v) => isZod4(v));
}

/**
 * Compiles `schema` for use as params (input side, object root) or returns.
 *
 * @throws {@link SchemaError} when the schema is of an unknown kind, is not an object
 *   where one is required, or contains a type JSON Schema cannot represent (`z.date()`,
 *   `z.bigint()`, maps, sets, functions …) — naming the field and the fix.
 */
export function compileSchema<T = unknown>(schema: SchemaLike, options: CompileOptions): CompiledSchema<T> {
  const resolved = isRawShape(schema) ? z.object(schema as unknown as z.ZodRawShape) : schema;
  let compiled: CompiledSchema<T>;
  if (isZod4(resolved)) compiled = compileZod4<T>(resolved, schema, options);
  else if (isZod3(resolved)) compiled = compileZod3<T>(resolved, options);
  else if (isStandard(resolved)) compiled = compileStandard<T>(resolved, options);
  else {
    throw new SchemaError(
      options.subject,
      '',
      'is not a schema the SDK understands',
      'pass a zod object schema (z.object({...})), a shape of zod fields, or a Standard Schema that implements ~standard.jsonSchema',
    );
  }
  // A zod object proven representable is an object root already; reading `jsonSchema` would convert it now.
  if (options.requireObject && !(isZod4(resolved) && (resolved as unknown as { _zod: { def: { type: string } } })._zod.def.type === 'object')) {
    assertObjectRoot(compiled.jsonSchema, options.subject);
  }
  return compiled;
}

function compileZod4<T>(schema: z.ZodType, source: SchemaLike, options: CompileOptions): CompiledSchema<T> {
  const convert = (): JsonSchema => {
    let json: JsonSchema;
    try {
      json = z.toJSONSchema(schema, { io: options.io, target: DRAFT, unrepresentable: 'throw', override: keepDefault }) as JsonSchema;
    } catch (error) {
      throw unrepresentableError(options, findZod4Unrepresentable(schema, options.io), error);
    }
    return canonicalSchema(pydanticSpelling(json));
  };
  // Registration must fail fast on a schema JSON Schema cannot describe, but converting
  // every schema at import costs more than registering it. A cheap walk over zod's
  // definitions proves the common shapes representable; those convert on first need
  // (the manifest). Anything the walk is unsure of converts now, with its exact error.
  const provenFine = options.io === 'input' && representableInput(schema, options.requireObject);
  let json: JsonSchema | undefined = provenFine ? undefined : convert();
  return {
    source,
    get jsonSchema(): JsonSchema {
      json ??= convert();
      return json;
    },
    parse(input) {
      let result: ReturnType<z.ZodType['safeParse']>;
      try {
        result = schema.safeParse(input);
      } catch (error) {
        // Schemas with async refinements cannot parse synchronously; fall back once.
        if (error instanceof Error && /async|promise/i.test(error.message)) {
          return schema.safeParseAsync(input).then(fromZodResult<T>);
        }
        throw error;
      }
      return fromZodResult<T>(result);
    },
  };
}

/** zod 4 definition types whose input side always has a JSON Schema form. */
const PLAIN_INPUT_TYPES = new Set(['string', 'number', 'int', 'boolean', 'null', 'literal', 'enum', 'any', 'unknown', 'template_literal']);
/** Wrappers whose input side is their inner type's. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/**
 * True when the input side of `schema` is certainly representable (and, with
 * `objectRoot`, an object): a bounded walk over the definitions that knows the
 * common types and says "unsure" (false) for anything else.
 */
function representableInput(schema: z.ZodType, objectRoot: boolean): boolean {
  let budget = 2_000;
  const walk = (node: unknown, depth: number): boolean => {
    if (--budget < 0 || depth > 64) return false;
    const def = (node as { _zod?: { def?: Record<string, unknown> } } | null)?._zod?.def;
    const type = def?.type;
    if (typeof type !== 'string') return false;
    if (PLAIN_INPUT_TYPES.has(type)) return true;
    if (WRAPPERS.has(type)) return walk(def!.innerType, depth + 1);
    switch (type) {
      case 'object':
        return Object.values((def!.shape as Record<string, unknown> | undefined) ?? {}).every((field) => walk(field, depth + 1)) && (def!.catchall === undefined || walk(def!.catchall, depth + 1));
      case 'array':
        return walk(def!.element, depth + 1);
      case 'union':
        return ((def!.options as unknown[] | undefined) ?? []).every((option) => walk(option, depth + 1));
      case 'record':
        return walk(def!.keyType, depth + 1) && walk(def!.valueType, depth + 1);
      case 'pipe':
        return walk(def!.in, depth + 1);
      default:
        return false;
    }
  };
  const rootType = (schema as unknown as { _zod?: { def?: { type?: string } } })._zod?.def?.type;
  return (!objectRoot || rootType === 'object') && walk(schema, 0);
}

/**
 * zod leaves `default` out of the input side when the field runs through
 * `z.preprocess`, a pipe or a transform; Pydantic keeps it (the LLM should see it).
 * It is put back when it is JSON and of the type the input side describes.
 */
function keepDefault(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const def = (ctx.zodSchema as { _zod?: { def?: { type?: string; defaultValue?: unknown } } })._zod?.def;
  if ((def?.type !== 'default' && def?.type !== 'prefault') || 'default' in ctx.jsonSchema) return;
  let value: unknown;
  try {
    value = JSON.parse(JSON.stringify(def.defaultValue)) as unknown;
  } catch {
    return; // not JSON (a function, a bigint, a cycle): nothing to show
  }
  if (value !== undefined && jsonTypeFits(ctx.jsonSchema.type, value)) ctx.jsonSchema.default = value;
}

function jsonTypeFits(type: unknown, value: unknown): boolean {
  if (type === undefined) return true;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  const allowed = Array.isArray(type) ? type : [type];
  return allowed.includes(actual) || (actual === 'integer' && allowed.includes('number'));
}

function fromZodResult<T>(result: { success: boolean; data?: unknown; error?: { issues: readonly StandardIssue[] } }): ParseResult<T> {
  if (result.success) return { ok: true, value: result.data as T };
  return { ok: false, issues: toIssues(result.error?.issues ?? []) };
}

/** Re-walks a zod 4 schema that failed conversion to find which fields are unrepresentable. */
function findZod4Unrepresentable(schema: z.ZodType, io: 'input' | 'output'): Array<{ path: string; type: string }> {
  const found: Array<{ path: string; type: string }> = [];
  try {
    z.toJSONSchema(schema, {
      io,
      target: DRAFT,
      unrepresentable: 'any',
      override(ctx) {
        const type = (ctx.zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def.type;
        if (UNREPRESENTABLE_ZOD_TYPES.has(type) || (io === 'output' && type === 'transform')) {
          found.push({ path: jsonPathToField(ctx.path), type });
        }
      },
    });
  } catch {
    // Nothing more to learn; the caller reports the original error.
  }
  return found;
}

const UNREPRESENTABLE_ZOD_TYPES = new Set([
  'date',
  'bigint',
  'symbol',
  'undefined',
  'void',
  'map',
  'set',
  'function',
  'promise',
  'nan',
  'custom',
]);

const ZOD3_UNREPRESENTABLE = new Map([
  ['ZodDate', 'date'],
  ['ZodBigInt', 'bigint'],
  ['ZodSymbol', 'symbol'],
  ['ZodUndefined', 'undefined'],
  ['ZodVoid', 'void'],
  ['ZodMap', 'map'],
  ['ZodSet', 'set'],
  ['ZodFunction', 'function'],
  ['ZodPromise', 'promise'],
  ['ZodNaN', 'nan'],
]);

function compileZod3<T>(schema: LegacyZod3Schema, options: CompileOptions): CompiledSchema<T> {
  const found: Array<{ path: string; type: string }> = [];
  // Only zod 3 schemas need zod-to-json-schema: load it on the first one.
  const { zodToJsonSchema, ignoreOverride } = loadPeer<typeof import('zod-to-json-schema')>('zod-to-json-schema', `${options.subject}: a zod 3 schema`);
  const json = zodToJsonSchema(schema as never, {
    target: 'jsonSchema2019-09',
    $refStrategy: 'none',
    effectStrategy: options.io === 'input' ? 'input' : 'any',
    pipeStrategy: options.io,
    override(def, refs) {
      const type = ZOD3_UNREPRESENTABLE.get((def as { typeName?: string }).typeName ?? '');
      if (type) found.push({ path: jsonPathToField(refs.currentPath.slice(1)), type });
      return ignoreOverride;
    },
  }) as JsonSchema;
  if (found.length > 0) throw unrepresentableError(options, found, undefined);
  return {
    source: schema,
    jsonSchema: canonicalSchema(pydanticSpelling(json)),
    parse(input) {
      const result = schema.safeParse(input);
      if (result.success) return { ok: true, value: result.data as T };
      return { ok: false, issues: toIssues(result.error.issues as StandardIssue[]) };
    },
  };
}

function compileStandard<T>(schema: StandardSchemaV1, options: CompileOptions): CompiledSchema<T> {
  const std = schema['~standard'];
  if (!std.jsonSchema) {
    throw new SchemaError(
      options.subject,
      '',
      `is a ${std.vendor} schema that cannot produce JSON Schema`,
      `use a library version that implements Standard JSON Schema (~standard.jsonSchema), e.g. zod ≥ 4.2 or valibot's toStandardJsonSchema()`,
    );
  }
  let json: JsonSchema;
  try {
    json = std.jsonSchema[options.io]({ target: DRAFT });
  } catch (error) {
    throw unrepresentableError(options, [], error);
  }
  return {
    source: schema,
    jsonSchema: canonicalSchema(json),
    parse(input) {
      const result = std.validate(input);
      return result instanceof Promise ? result.then(fromStandardResult<T>) : fromStandardResult<T>(result);
    },
  };
}

function fromStandardResult<T>(result: { value?: unknown; issues?: readonly StandardIssue[] | undefined }): ParseResult<T> {
  if (result.issues) return { ok: false, issues: toIssues(result.issues) };
  return { ok: true, value: result.value as T };
}

function unrepresentableError(
  options: CompileOptions,
  found: Array<{ path: string; type: string }>,
  cause: unknown,
): SchemaError {
  const first = found[0];
  const detail = cause instanceof Error ? cause.message : 'cannot be represented in JSON Schema';
  if (!first) {
    return new SchemaError(options.subject, '', `cannot be converted to JSON Schema (${detail})`, FIX_UNREPRESENTABLE);
  }
  const others = found.length > 1 ? ` (also: ${found.slice(1).map((f) => f.path || '<root>').join(', ')})` : '';
  return new SchemaError(
    options.subject,
    first.path,
    `is a ${first.type}, which JSON Schema cannot represent${others}`,
    FIX_UNREPRESENTABLE,
  );
}

const FIX_UNREPRESENTABLE =
  'an LLM sends JSON: use z.iso.datetime() (or z.string()) for dates, z.string()/z.number() for bigints, arrays/records for sets/maps';

function assertObjectRoot(json: JsonSchema, subject: string): void {
  if (json.type === 'object') return;
  const got = json.type ? `type '${String(json.type)}'` : Object.keys(json).filter((k) => k !== '$defs').join('/') || 'an empty schema';
  throw new SchemaError(
    subject,
    '',
    `must describe an object (got ${got})`,
    'wrap the fields in z.object({...}); for a union, put it inside a field: z.object({ input: z.union([...]) })',
  );
}

/** Maps a JSON Schema location (`properties/a/items`) to a field path (`a[]`). */
function jsonPathToField(path: ReadonlyArray<string | number>): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = String(path[i]);
    if (segment === 'properties' || segment === '$defs' || segment === 'definitions') {
      const name = path[++i];
      if (name !== undefined) parts.push(String(name));
    } else if (segment === 'items' || segment === 'prefixItems') {
      if (parts.length > 0) parts[parts.length - 1] += '[]';
      else parts.push('[]');
    } else if (segment === 'anyOf' || segment === 'oneOf' || segment === 'allOf') {
      i++; // skip the branch index: the field is the same
    } else if (segment === 'additionalProperties') {
      parts.push('*');
    }
  }
  return parts.join('.');
}

/** Maps Standard Schema issues to the SDK's `{ path, message }` form. */
export function toIssues(issues: readonly StandardIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: (issue.path ?? [])
      .map((segment) => String(typeof segment === 'object' && segment !== null ? segment.key : segment))
      .join('.'),
    message: issue.message,
  }));
}

// Maps whose keys are names chosen by the author: their order is kept.
const NAMED_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
// Keywords whose values are data, not schemas: copied untouched.
const DATA_KEYWORDS = new Set(['default', 'const', 'enum', 'examples']);

/**
 * Puts a JSON Schema into canonical form: schema keywords sorted alphabetically (as
 * pydantic emits them), property and definition maps kept in declaration order, the
 * `$schema` marker dropped (the manifest embeds schemas, it does not host them).
 */
export function canonicalSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _ignored, ...rest } = schema;
  return sortKeywords(rest) as JsonSchema;
}

function sortKeywords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeywords);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    // zod's `.int()` adds the safe-integer range as bounds; they constrain nothing an
    // author asked for, so they are left out (an explicit `.min()`/`.max()` stays).
    if ((key === 'minimum' && child === Number.MIN_SAFE_INTEGER) || (key === 'maximum' && child === Number.MAX_SAFE_INTEGER)) continue;
    if (DATA_KEYWORDS.has(key)) out[key] = child;
    else if (NAMED_MAPS.has(key) && child && typeof child === 'object' && !Array.isArray(child)) out[key] = mapValues(child);
    else out[key] = sortKeywords(child);
  }
  return out;
}

function mapValues(map: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(map)) out[name] = sortKeywords(child);
  return out;
}
