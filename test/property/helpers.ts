/** Shared settings of the property suite: a fixed seed and bounded runs, so a failure reproduces and CI stays fast. */
import fc from 'fast-check';
import { expect } from 'vitest';

/** fast-check parameters for every property: fixed seed, bounded runs. */
export const PROPERTY = { seed: 20261201, numRuns: 150, endOnFailure: true } as const;

/** A snapshot of `Object.prototype` to compare after running hostile input. */
export function prototypeSnapshot(): string[] {
  return [...Object.getOwnPropertyNames(Object.prototype), ...Object.getOwnPropertySymbols(Object.prototype).map(String)].sort();
}

/** Fails when anything was added to `Object.prototype` since `before`. */
export function expectNoPollution(before: string[]): void {
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Any value, including objects with `__proto__`/`constructor` keys, null prototypes, bigints and symbols. */
export const hostileValue = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'polluted')),
  maxDepth: 3,
});
