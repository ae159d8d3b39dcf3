/**
 * The ActionResult wire contract at 5.11: the reference
 * `schemas/action_result.schema.json` (v4) plus the `error_code` field 5.11 added
 * (upstream-core.md §9: emitted after `error`, only when non-empty).
 *
 * The schema is derived here, at test time, from the read-only reference file rather
 * than copied into the repo: the reference stays the single source of truth (a fix or
 * an update there reaches these tests), and the one 5.11 addition is visible as code
 * instead of hiding inside a copied document.
 */
import { compileValidator, readReference } from './reference.js';

interface ObjectSchema {
  $id?: string;
  properties: Record<string, unknown>;
  additionalProperties?: unknown;
  [keyword: string]: unknown;
}

/** The 5.11 ActionResult JSON Schema: the v4 reference with `error_code: {type: 'string'}` inserted after `error`. */
export function actionResultV5Schema(): ObjectSchema {
  // The derived document is not the one the `$id` names, so it does not claim it.
  const { $id: _v4Id, ...v4 } = readReference<ObjectSchema>('schemas/action_result.schema.json');
  if (v4.additionalProperties !== false || !('error' in v4.properties)) {
    throw new Error('schemas/action_result.schema.json changed shape: revisit test/helpers/action-result-v5.ts');
  }
  if ('error_code' in v4.properties) {
    throw new Error('schemas/action_result.schema.json now has error_code: use it directly instead of test/helpers/action-result-v5.ts');
  }
  const properties: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(v4.properties)) {
    properties[name] = schema;
    if (name === 'error') properties.error_code = { type: 'string' };
  }
  return { ...v4, properties };
}

/** Validates an `ActionResult.toDict()` against the 5.11 contract; returns its errors (`[]` when valid). */
export const validateActionResultV5: (value: unknown) => string[] = compileValidator(actionResultV5Schema());
