/** Compiler-independent registration order: runs of one class list static members first. */
import { describe, expect, it } from 'vitest';
import { HandlerRef } from '../../src/index.js';
import { declarationOrder } from '../../src/core/order.js';

const fn = () => undefined;
const A = {};
const B = {};
const rec = (name: string, ref: HandlerRef) => ({ name, handler: ref });

describe('declarationOrder', () => {
  it('moves static members of a class run ahead of its instance members, stably', () => {
    const records = [
      rec('free1', HandlerRef.free(fn)),
      rec('a_i1', HandlerRef.instanceMethod(fn, 'a_i1', A)),
      rec('a_s1', HandlerRef.staticMethod(fn, 'a_s1', A)),
      rec('a_i2', HandlerRef.instanceMethod(fn, 'a_i2', A)),
      rec('a_s2', HandlerRef.staticMethod(fn, 'a_s2', A)),
      rec('b_i1', HandlerRef.instanceMethod(fn, 'b_i1', B)),
      rec('free2', HandlerRef.free(fn)),
      rec('b_s1', HandlerRef.staticMethod(fn, 'b_s1', B)),
    ];
    expect(declarationOrder(records).map((r) => r.name)).toEqual(['free1', 'a_s1', 'a_s2', 'a_i1', 'a_i2', 'b_i1', 'free2', 'b_s1']);
  });
});
