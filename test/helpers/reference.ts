/**
 * Access to the read-only reference data in `../shared/reference/` and a real
 * JSON Schema 2020-12 validator for it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Absolute path of a file under `../shared/reference/`. */
export function referencePath(relative: string): string {
  return fileURLToPath(new URL(`../../../shared/reference/${relative}`, import.meta.url));
}

/** Parsed JSON of a reference file. */
export function readReference<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(referencePath(relative), 'utf8')) as T;
}

/** Compiles a reference JSON Schema (draft 2020-12) into a validator that returns its errors. */
export function schemaValidator(relative: string): (value: unknown) => string[] {
  return compileValidator(readReference<object>(relative));
}

/**
 * Compiles a JSON Schema (draft 2020-12) held in memory, e.g. one derived from a
 * reference schema, into a validator that returns its errors (`[]` when valid).
 */
export function compileValidator(schema: object): (value: unknown) => string[] {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  return (value) => {
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}
