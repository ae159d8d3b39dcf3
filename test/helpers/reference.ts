/**
 * Access to the reference data the tests compare against and a real JSON
 * Schema 2020-12 validator for it. The files are byte-identical copies of the
 * spec's `shared/reference/` kept in `test/fixtures/reference/` (same relative
 * paths), so a clone runs its tests with nothing beside it;
 * `test/repo/self-contained.test.ts` checks the copies still match.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Absolute path of a reference file (`relative` as under `shared/reference/`). */
export function referencePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/reference/${relative}`, import.meta.url));
}

/** Absolute path of a copied spec or seed file (`relative` as under `shared/`, e.g. `spec/upstream-ui.md`). */
export function sharedCopyPath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/shared/${relative}`, import.meta.url));
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
