/**
 * `params_schema` spelling, field shape by field shape, against Pydantic's
 * exact output (`oracle/pydantic-schemas.v5.json`: 38 models of the Python SDK
 * 5.11 / pydantic 2.13). For each case the natural zod equivalent is compiled
 * and compared as JSON text (key order included) after the remaining,
 * documented differences are applied to Pydantic's side; every difference a
 * case has is named in `DIFFERENCES` and explained in docs/differences.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalSchema, compileSchema } from '../../src/index.js';
import { readReference } from '../helpers/reference.js';

type Json = Record<string, unknown>;
interface Case {
  id: string;
  python: string;
  params_schema: Json;
}
const oracle = readReference<{ cases: Case[] }>('oracle/pydantic-schemas.v5.json');

const Inner = z.object({ a: z.number().int(), b: z.string().nullable().default(null) });
const Color = z.enum(['red', 'green']);
const Level = z.enum({ low: 1, high: 2 });
const v = (field: z.ZodType) => z.object({ v: field });

/** The zod a TypeScript author writes for each Python field. */
const ZOD: Record<string, z.ZodType> = {
  optional_str_none: v(z.string().nullable().default(null)),
  pep604_str_none: v(z.string().nullable().default(null)),
  optional_str_required: v(z.string().nullable()),
  dict_str_any: v(z.record(z.string(), z.any())),
  dict_str_any_default: v(z.record(z.string(), z.unknown()).default({})),
  dict_str_int: v(z.record(z.string(), z.number().int())),
  list_str_default_empty: v(z.array(z.string()).default([])),
  list_str_default_factory: v(z.array(z.string()).default(() => [])),
  list_str_required: v(z.array(z.string())),
  literal_ab: v(z.enum(['a', 'b'])),
  literal_ab_default: v(z.enum(['a', 'b']).default('a')),
  literal_single: v(z.literal('only')),
  literal_int: v(z.union([z.literal(1), z.literal(2)])),
  nested_model: v(Inner),
  nested_model_optional: v(Inner.nullable().default(null)),
  list_nested_model: v(z.array(Inner).default([])),
  enum_str: v(Color),
  enum_str_default: v(Color.default('red')),
  enum_int: v(Level),
  datetime: v(z.iso.datetime()),
  datetime_optional: v(z.iso.datetime().nullable().default(null)),
  date: v(z.iso.date()),
  uuid: v(z.uuid()),
  int_field_ge1: v(z.number().int().min(1)),
  int_default_bounds: v(z.number().int().min(1).max(7).default(7).describe('Target per week')),
  float_gt_le: v(z.number().gt(0).lte(1.5).default(0.5)),
  str_constraints: v(z.string().min(1).max(5).regex(/^[a-z]+$/)),
  str_description: v(z.string().describe('Short name')),
  str_alias: z.object({ vAlias: z.string().default('x') }),
  str_title_examples: v(z.string().default('x').meta({ title: 'Custom', examples: ['e1'] })),
  optional_int_ge0: v(z.number().int().min(0).nullable().default(null)),
  bool_default: v(z.boolean().default(false)),
  any: v(z.any().default(null)),
  union_int_str: v(z.union([z.number().int(), z.string()])),
  set_str: v(z.array(z.string()).meta({ uniqueItems: true }).default([])),
  tuple_int_str: v(z.tuple([z.number().int(), z.string()])),
  combined: z
    .object({
      name: z.string().describe("Short name of the habit, e.g. 'run'"),
      per_week: z.number().int().min(1).max(7).default(7).describe('Target check-ins per week'),
      kind: z.enum(['build', 'quit']).default('build'),
      note: z.string().nullable().default(null).describe('Optional free text'),
      meta: z.record(z.string(), z.unknown()).default({}),
      tags: z.array(z.string()).default([]),
      color: Color.default('red'),
      inner: Inner,
      inners: z.array(Inner).default([]),
      when: z.iso.datetime().nullable().default(null),
      n: z.number().int().min(1),
    })
    .describe('Combined model docstring.'),
};

/**
 * The differences that remain, each with the cases it applies to. `titles` and
 * `inlined-defs` apply to every case; the rest only where listed.
 */
const DIFFERENCES = {
  /** Pydantic titles every model and field; zod has no class names: none are invented. */
  titles: 'all',
  /** Pydantic puts nested models and enums under `$defs` + `$ref`; zod inlines them. */
  'inlined-defs': 'all',
  /** `Field(default_factory=list)` shows no default in Pydantic; zod's `.default(() => [])` is indistinguishable from `.default([])`. */
  'default-factory': ['list_str_default_factory'],
} as const;

/** Titles: Pydantic's are dropped, except one the author set explicitly (kept in ours, checked separately). */
function dropTitles(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropTitles);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, child] of Object.entries(node)) {
    if (k === 'title' && typeof child === 'string') continue;
    out[k] = k === 'default' || k === 'enum' || k === 'const' || k === 'examples' ? child : k === 'properties' || k === '$defs' ? mapValues(child as Json, dropTitles) : dropTitles(child);
  }
  return out;
}

function mapValues(map: Json, fn: (v: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(map).map(([k, x]) => [k, fn(x)]));
}

/** `$ref: '#/$defs/X'` replaced by the definition (its own keys first, the referring node's after). */
function inlineDefs(schema: Json): Json {
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== 'object') return node;
    const n = node as Json;
    if (typeof n.$ref === 'string') {
      const { $ref, ...rest } = n;
      return { ...(inline(defs[$ref.replace('#/$defs/', '')]) as Json), ...rest };
    }
    const out: Json = {};
    for (const [k, child] of Object.entries(n)) {
      if (k === '$defs') continue;
      out[k] = k === 'default' || k === 'enum' || k === 'const' || k === 'examples' ? child : k === 'properties' ? mapValues(child as Json, inline) : inline(child);
    }
    return out;
  };
  return inline(schema) as Json;
}

/** Pydantic's schema with the documented differences applied, in canonical key order. */
function expectedFor(c: Case): Json {
  let theirs = dropTitles(inlineDefs(c.params_schema)) as Json;
  if ((DIFFERENCES['default-factory'] as readonly string[]).includes(c.id)) {
    theirs = JSON.parse(JSON.stringify(theirs).replace('"items":{"type":"string"}', '"default":[],"items":{"type":"string"}')) as Json;
  }
  return canonicalSchema(theirs);
}

function oursFor(id: string): Json {
  const schema = ZOD[id];
  if (!schema) throw new Error(`no zod equivalent for case ${id}`);
  const json = compileSchema(schema, { subject: id, io: 'input', requireObject: true }).jsonSchema;
  return dropTitles(json) as Json;
}

describe('params_schema spelled as Pydantic spells it (oracle/pydantic-schemas.v5.json)', () => {
  it('has a zod equivalent for every case', () => {
    expect(oracle.cases.map((c) => c.id).sort()).toEqual(Object.keys(ZOD).sort());
    expect(oracle.cases.length).toBeGreaterThanOrEqual(37);
  });

  for (const c of oracle.cases) {
    it(`${c.id}: ${c.python.split('  #')[0]}`, () => {
      expect(JSON.stringify(oursFor(c.id))).toBe(JSON.stringify(expectedFor(c)));
    });
  }

  it('an explicit title survives (str_title_examples)', () => {
    const json = compileSchema(ZOD.str_title_examples!, { subject: 't', io: 'input', requireObject: true }).jsonSchema as { properties: { v: Json } };
    expect(json.properties.v.title).toBe('Custom');
  });

  it('nullable is anyOf [T, null] with annotations outside, records are additionalProperties without propertyNames', () => {
    const json = compileSchema(v(z.string().min(2).nullable().default(null).describe('d')), { subject: 't', io: 'input', requireObject: true }).jsonSchema;
    expect(JSON.stringify(json)).toBe('{"properties":{"v":{"anyOf":[{"minLength":2,"type":"string"},{"type":"null"}],"default":null,"description":"d"}},"type":"object"}');
    const rec = compileSchema(v(z.record(z.string(), z.object({ n: z.number() }))), { subject: 't', io: 'input', requireObject: true }).jsonSchema;
    expect(rec).toEqual({ properties: { v: { additionalProperties: { properties: { n: { type: 'number' } }, required: ['n'], type: 'object' }, type: 'object' } }, required: ['v'], type: 'object' });
    // A record with an enum key set keeps propertyNames: that constraint has no other spelling.
    const keyed = compileSchema(v(z.record(z.enum(['a', 'b']), z.number())), { subject: 't', io: 'input', requireObject: true }).jsonSchema as { properties: { v: Json } };
    expect(keyed.properties.v.propertyNames).toEqual({ enum: ['a', 'b'], type: 'string' });
  });

  it('a default survives z.preprocess, pipes and transforms; a default of another type than the input is left out', () => {
    const splitList = z.preprocess((x) => (typeof x === 'string' ? x.split(',') : x), z.array(z.string()));
    const json = compileSchema(
      z.object({
        tags: splitList.default([]),
        trimmed: z.string().transform((s) => s.trim()).default('x'),
        piped: z.string().pipe(z.transform((s: string) => s.toUpperCase())).default('a'),
        length: z.string().transform((s) => s.length).default(3),
      }),
      { subject: 't', io: 'input', requireObject: true },
    ).jsonSchema as { properties: Record<string, Json>; required?: string[] };
    expect(json.properties.tags).toEqual({ default: [], items: { type: 'string' }, type: 'array' });
    expect(json.properties.trimmed).toEqual({ default: 'x', type: 'string' });
    expect(json.properties.piped).toEqual({ default: 'a', type: 'string' });
    expect(json.properties.length).toEqual({ type: 'string' });
    expect(json.required).toBeUndefined();
  });

  it('docs/differences.md explains every remaining difference', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/differences.md', import.meta.url)), 'utf8');
    for (const kind of Object.keys(DIFFERENCES)) expect(doc, kind).toContain(`(${kind})`);
  });
});
