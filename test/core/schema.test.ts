/** The schema adapter: zod 4, raw shapes, Standard Schema with JSON Schema, canonical output. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SchemaError, canonicalSchema, compileSchema, fromJsonSchema } from '../../src/index.js';
import type { StandardSchemaV1 } from '../../src/index.js';

const params = { subject: 'test params', io: 'input', requireObject: true } as const;

describe('compileSchema', () => {
  it('describes the input side: fields with defaults are optional, no $schema, keywords sorted', () => {
    const compiled = compileSchema(z.object({ title: z.string().describe('T'), n: z.number().int().min(1).default(1) }), params);
    expect(JSON.stringify(compiled.jsonSchema)).toBe(
      JSON.stringify({
        properties: { title: { description: 'T', type: 'string' }, n: { default: 1, minimum: 1, type: 'integer' } },
        required: ['title'],
        type: 'object',
      }),
    );
  });

  it('parses with defaults and transforms applied', async () => {
    const compiled = compileSchema(z.object({ n: z.string().transform(Number), tag: z.string().default('x') }), params);
    expect(await compiled.parse({ n: '42' })).toEqual({ ok: true, value: { n: 42, tag: 'x' } });
    const bad = await compiled.parse({ n: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: 'n' });
  });

  it('accepts the raw-shape shorthand', () => {
    const compiled = compileSchema({ title: z.string() }, params);
    expect(compiled.jsonSchema).toEqual({ properties: { title: { type: 'string' } }, required: ['title'], type: 'object' });
  });

  it('handles async refinements by parsing asynchronously', async () => {
    const compiled = compileSchema(z.object({ n: z.number().refine(async (v) => v > 0, 'must be positive') }), params);
    const result = await compiled.parse({ n: -1 });
    expect(result).toEqual({ ok: false, issues: [{ path: 'n', message: 'must be positive' }] });
  });

  it('accepts any Standard Schema that implements Standard JSON Schema', async () => {
    const custom: StandardSchemaV1<{ id: string }> = {
      '~standard': {
        version: 1,
        vendor: 'custom',
        validate: (value) =>
          typeof (value as { id?: unknown }).id === 'string'
            ? { value: value as { id: string } }
            : { issues: [{ message: 'id must be a string', path: [{ key: 'id' }] }] },
        jsonSchema: {
          input: () => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { id: { type: 'string' } } }),
          output: () => ({ type: 'object' }),
        },
      },
    };
    const compiled = compileSchema(custom, params);
    expect(compiled.jsonSchema).toEqual({ properties: { id: { type: 'string' } }, type: 'object' });
    expect(await compiled.parse({ id: 'a' })).toEqual({ ok: true, value: { id: 'a' } });
    expect(await compiled.parse({})).toEqual({ ok: false, issues: [{ path: 'id', message: 'id must be a string' }] });
  });

  it('a Standard Schema without a JSON Schema converter is rejected with the fix', () => {
    const validateOnly = { '~standard': { version: 1, vendor: 'valibot', validate: (v: unknown) => ({ value: v }) } } as StandardSchemaV1;
    expect(() => compileSchema(validateOnly, params)).toThrow(SchemaError);
    expect(() => compileSchema(validateOnly, params)).toThrow(/valibot schema that cannot produce JSON Schema/);
  });

  it('returns describe the output side and may be non-objects', () => {
    const compiled = compileSchema(z.array(z.string()), { subject: 'r', io: 'output', requireObject: false });
    expect(compiled.jsonSchema).toEqual({ items: { type: 'string' }, type: 'array' });
  });
});

describe('canonicalSchema', () => {
  it('keeps property order and data values, sorts keywords, drops $schema', () => {
    const out = canonicalSchema({
      $schema: 'x',
      type: 'object',
      properties: { zeta: { type: 'string', default: { b: 1, a: 2 } }, alpha: { enum: ['z', 'a'], type: 'string' } },
    });
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({
        properties: { zeta: { default: { b: 1, a: 2 }, type: 'string' }, alpha: { enum: ['z', 'a'], type: 'string' } },
        type: 'object',
      }),
    );
  });

  it('drops only the implicit safe-integer bounds', () => {
    expect(canonicalSchema({ type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: 10 })).toEqual({ maximum: 10, type: 'integer' });
  });
});

describe('fromJsonSchema', () => {
  const doc = {
    type: 'object',
    properties: { q: { type: 'string', minLength: 1 }, limit: { type: 'integer', default: 10 } },
    required: ['q'],
    additionalProperties: false,
  };

  it('carries the document into the manifest and validates input against it, defaults applied', async () => {
    const compiled = compileSchema(fromJsonSchema<{ q: string; limit: number }>(doc), params);
    expect(compiled.jsonSchema).toEqual({
      additionalProperties: false,
      properties: { q: { minLength: 1, type: 'string' }, limit: { default: 10, type: 'integer' } },
      required: ['q'],
      type: 'object',
    });
    const input = { q: 'milk' };
    expect(await compiled.parse(input)).toEqual({ ok: true, value: { q: 'milk', limit: 10 } });
    expect(input).toEqual({ q: 'milk' });
  });

  it('reports missing and invalid fields by path', async () => {
    const compiled = compileSchema(fromJsonSchema(doc), params);
    const missing = await compiled.parse({});
    expect(missing).toEqual({ ok: false, issues: [{ path: 'q', message: 'Required' }] });
    const bad = await compiled.parse({ q: '', extra: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path).sort()).toEqual(['', 'q']);
  });

  it('rejects documents that are not valid JSON Schema', () => {
    expect(() => fromJsonSchema({ type: 'object', requried: ['x'] })).toThrow(SchemaError);
  });
});
