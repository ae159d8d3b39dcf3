/**
 * Property: random envelopes through the RPC codec — decoding answers a value or a
 * ValidationError (never another throw), agrees with the zod schema on which
 * fields are wrong, keeps nanoseconds and large integers exact in any key order
 * and spacing, and pollutes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RpcRequestSchema, ValidationError, decodeReply, decodeRequest, encodeRequest } from '../../src/index.js';
import { toIssues } from '../../src/core/schema.js';
import { stringifyExactJson } from '../../src/http/exact-json.js';
import { PROPERTY, expectNoPollution, hostileValue, prototypeSnapshot } from './helpers.js';

const ns = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
const validRequest = fc.record({
  corr_id: fc.string({ minLength: 16, maxLength: 64 }),
  user_id: fc.string({ minLength: 1, maxLength: 128 }),
  tenant_id: fc.string({ minLength: 1, maxLength: 64 }),
  agency_id: fc.option(fc.string(), { nil: null }),
  email: fc.string(),
  role: fc.string(),
  scopes: fc.array(fc.string(), { maxLength: 4 }),
  attributes: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
  app_id: fc.string(),
  function: fc.constantFrom('deadline_ns', '"deadline_ns":1', 'f'),
  params: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('deadline_ns', 'submitted_at_ns', '__proto__')), fc.oneof(fc.jsonValue({ maxDepth: 2 }), ns), { maxKeys: 5 }),
  reply_list: fc.string(),
  deadline_ns: ns,
  submitted_at_ns: ns,
});

function outcome(run: () => unknown): 'ok' | string[] {
  try {
    run();
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => i.path);
  }
}

/** The request's JSON text with its keys in another order and random spacing. */
function respell(request: Record<string, unknown>, order: number[], space: string): string {
  const keys = Object.keys(request);
  const shuffled = [...new Set([...order.map((k) => keys[k % keys.length]!), ...keys])];
  const value = (v: unknown) => (typeof v === 'bigint' ? v.toString() : stringifyExactJson(v));
  return `{${space}${shuffled.map((k) => `${JSON.stringify(k)}${space}:${space}${value(request[k])}`).join(`${space},${space}`)}${space}}`;
}

/** Distinct paths in order (zod may report one field twice). */
const distinct = (paths: string[] | 'ok') => (paths === 'ok' ? paths : [...new Set(paths)]);

describe('the RPC codec under random input', () => {
  it('valid requests round-trip exactly, in any key order and spacing', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(validRequest, fc.array(fc.nat(20), { maxLength: 15 }), fc.constantFrom('', ' ', '\n\t ', '  '), (request, order, space) => {
        const text = encodeRequest(request);
        const decoded = decodeRequest(respell(decodeRequest(text).value, order, space)).value;
        expect(decoded.deadline_ns).toBe(request.deadline_ns);
        expect(decoded.submitted_at_ns).toBe(request.submitted_at_ns);
        expect(encodeRequest(decoded)).toBe(text);
      }),
      PROPERTY,
    );
    expectNoPollution(before);
  });

  it('random objects: a value or a ValidationError naming the same fields as zod', () => {
    const before = prototypeSnapshot();
    const mutated = fc.tuple(validRequest, fc.dictionary(fc.constantFrom(...Object.keys(RpcRequestSchema.shape), 'extra'), hostileValue, { maxKeys: 4 }));
    fc.assert(
      fc.property(mutated, ([request, changes]) => {
        const value = { ...request, ...changes };
        const zod = RpcRequestSchema.safeParse(value);
        const ours = outcome(() => decodeRequest(value));
        expect(distinct(ours)).toEqual(distinct(zod.success ? 'ok' : toIssues(zod.error.issues).map((i) => i.path)));
      }),
      PROPERTY,
    );
    expectNoPollution(before);
  });

  it('random text and JSON: a value or a ValidationError, for requests and replies', () => {
    const before = prototypeSnapshot();
    const payload = fc.oneof(fc.string(), fc.json({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ deadline_ns: v, params: v })));
    fc.assert(
      fc.property(payload, (text) => {
        outcome(() => decodeRequest(text));
        outcome(() => decodeReply(text));
      }),
      PROPERTY,
    );
    expectNoPollution(before);
  });
});
