// Small accessors shared by the UI tests.
import { expect } from 'vitest';
import { UIValidationError, type UINode } from '../../src/ui/index.js';

/** The wire props of a node, as plain JSON data. */
export function wireProps(node: UINode): Record<string, unknown> {
  return node.toDict().props;
}

/** The wire prop names of a node, in emission order. */
export function wireKeys(node: UINode): string[] {
  return Object.keys(wireProps(node));
}

/** Runs `build`, expects a UIValidationError and returns it for further checks. */
export function validationError(build: () => unknown): UIValidationError {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(UIValidationError);
    return error as UIValidationError;
  }
  throw new Error('expected a UIValidationError, nothing was thrown');
}
