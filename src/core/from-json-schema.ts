/**
 * `fromJsonSchema()`: use a hand-written JSON Schema (draft 2020-12) as a params
 * schema. Input is validated with ajv against the same document the manifest
 * carries, so what the LLM is told and what the handler accepts cannot drift.
 *
 * @module
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { loadPeer } from '../lazy.js';
import { SchemaError } from '../errors.js';
import type { StandardIssue, StandardSchemaV1 } from './standard-schema.js';


// One compiler for all schemas; `strict` catches typos such as `requried`.
let compiler: Ajv2020 | undefined;
function ajv(): Ajv2020 {
  // ajv (an optional peer) loads on the first hand-written schema, not at import.
  const { Ajv2020: Compiler } = loadPeer<typeof import('ajv/dist/2020.js')>('ajv/dist/2020.js', 'fromJsonSchema()');
  compiler ??= new Compiler({ strict: true, allErrors: true, useDefaults: true, coerceTypes: false });
  return compiler;
}

function issueOf(error: ErrorObject): StandardIssue {
  const path = error.instancePath.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  if (missing !== undefined) return { path: [...path, missing], message: 'Required' };
  return { path, message: error.message ?? 'is invalid' };
}

/**
 * A Standard Schema backed by a JSON Schema document. Defaults in the document are
 * applied to the parsed value (ajv `useDefaults`); the input itself is not modified.
 *
 * @typeParam T - the parsed type (not inferred from the document; state it).
 * @throws {@link SchemaError} when the document is not a valid JSON Schema.
 * @example
 * chat.fn('search', { description: 'Search notes.', params: fromJsonSchema<{ q: string }>({
 *   type: 'object', properties: { q: { type: 'string', minLength: 1 } }, required: ['q'],
 * }) });
 */
export function fromJsonSchema<T = Record<string, unknown>>(schema: Record<string, unknown>): StandardSchemaV1<T, T> {
  let validate: ValidateFunction;
  try {
    validate = ajv().compile(schema);
  } catch (error) {
    throw new SchemaError('fromJsonSchema()', '', `is not a valid JSON Schema (${(error as Error).message})`, 'fix the schema document (draft 2020-12)');
  }
  const document = structuredClone(schema);
  return {
    '~standard': {
      version: 1,
      vendor: 'imperal-json-schema',
      validate(value) {
        const copy = structuredClone(value);
        if (validate(copy)) return { value: copy as T };
        return { issues: (validate.errors ?? []).map(issueOf) };
      },
      jsonSchema: {
        input: () => structuredClone(document),
        output: () => structuredClone(document),
      },
    },
  };
}
