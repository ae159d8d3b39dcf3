/**
 * Renders ajv errors in the English of the upstream manifest validator
 * (pydantic 2), so `imperal validate` prints the same M-rule messages.
 *
 * @module
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

const TYPE_MESSAGES: Readonly<Record<string, string>> = {
  string: 'Input should be a valid string',
  integer: 'Input should be a valid integer',
  number: 'Input should be a valid number',
  boolean: 'Input should be a valid boolean',
  array: 'Input should be a valid list',
  object: 'Input should be a valid dictionary',
  null: 'Input should be None',
};

/** A literal as pydantic quotes it in messages. */
function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** `'a' or 'b'`, `1, 2 or 3`. */
function alternatives(values: readonly unknown[]): string {
  const parts = values.map(literal);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** The pydantic-style message for one ajv error. */
export function pydanticMessage(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Field required';
    case 'additionalProperties':
      return 'Extra inputs are not permitted';
    case 'type': {
      const parent = error.parentSchema as { title?: string; properties?: unknown } | undefined;
      if (p.type === 'object' && parent?.properties && parent.title) return `Input should be a valid dictionary or instance of ${parent.title}`;
      return TYPE_MESSAGES[String(p.type)] ?? `Input should be of type ${String(p.type)}`;
    }
    case 'pattern':
      return `String should match pattern '${String(p.pattern)}'`;
    case 'enum':
      return `Input should be ${alternatives(p.allowedValues as unknown[])}`;
    case 'const':
      return `Input should be ${literal(p.allowedValue)}`;
    case 'minLength':
      return `String should have at least ${String(p.limit)} character${p.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `String should have at most ${String(p.limit)} character${p.limit === 1 ? '' : 's'}`;
    case 'minimum':
      return `Input should be greater than or equal to ${String(p.limit)}`;
    case 'maximum':
      return `Input should be less than or equal to ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `Input should be greater than ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `Input should be less than ${String(p.limit)}`;
    case 'minItems':
      return `List should have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    default:
      return error.message ?? error.keyword;
  }
}
