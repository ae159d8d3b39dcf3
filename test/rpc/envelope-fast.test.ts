/**
 * The fast codec (issue 8, item 6): exact nanoseconds without a lossless parser,
 * for any key order, whitespace, look-alike keys inside strings and nested
 * objects; hand-checked shapes that fail exactly where the zod schemas fail.
 */
import { describe, expect, it } from 'vitest';
import { RpcReplySchema, RpcRequestSchema, ValidationError, decodeReply, decodeRequest, encodeReply, encodeRequest } from '../../src/index.js';
import { parseExactJson, stringifyExactJson, unsafeIntegers } from '../../src/http/exact-json.js';
import { toIssues } from '../../src/core/schema.js';

const DEADLINE = '1795304557123456789';
const SUBMITTED = '1795304556000000001';
const fields: Array<[string, string]> = [
  ['v', '1'],
  ['corr_id', '"corr-0123456789abcdef"'],
  ['user_id', '"u1"'],
  ['tenant_id', '"t1"'],
  ['email', '"a@b.c"'],
  ['role', '"user"'],
  ['app_id', '"app"'],
  ['function', '"fn"'],
  ['reply_list', '"r"'],
  ['deadline_ns', DEADLINE],
  ['submitted_at_ns', SUBMITTED],
];
const text = (pairs: Array<[string, string]>, sep = ',') => `{${pairs.map(([k, v]) => `"${k}":${v}`).join(sep)}}`;

describe('exact nanoseconds without a lossless parser', () => {
  it('any key order and whitespace', () => {
    const reversed = [...fields].reverse();
    for (const payload of [text(fields), text(reversed), text(fields, ' ,\n\t '), `\n ${text(reversed).replace(/:/g, ' : ')} \n`]) {
      const { value } = decodeRequest(payload);
      expect(value.deadline_ns).toBe(BigInt(DEADLINE));
      expect(value.submitted_at_ns).toBe(BigInt(SUBMITTED));
    }
  });

  it('look-alikes inside strings, nested objects and escaped keys', () => {
    const tricky: Array<[string, string]> = [
      ['params', `{"deadline_ns":1795304557999999999,"note":"\\"deadline_ns\\":1,","list":[1795304557888888888,{"x":"}]"}]}`],
      ['role', `"x\\\\\\"deadline_ns\\":2"`],
      ...fields.filter(([k]) => k !== 'role' && k !== 'deadline_ns'),
      ['deadline\\u005fns', DEADLINE],
    ];
    const { value } = decodeRequest(text(tricky));
    expect(value.deadline_ns).toBe(BigInt(DEADLINE));
    expect(value.role).toBe('x\\"deadline_ns":2');
    expect(value.params).toEqual({ deadline_ns: 1795304557999999999n, note: '"deadline_ns":1,', list: [1795304557888888888n, { x: '}]' }] });
  });

  it('a duplicate key: the last one wins, as with JSON.parse', () => {
    const { value } = decodeRequest(text([...fields, ['deadline_ns', '1795304557000000042']]));
    expect(value.deadline_ns).toBe(1795304557000000042n);
    expect(parseExactJson('{"a":12345678901234567890,"a":"s"}')).toEqual({ a: 's' });
  });

  it('negative and small integers, floats and 16-digit safe integers stay numbers', () => {
    expect(parseExactJson('{"a":-12345678901234567890,"b":9007199254740991,"c":12345678901234567890.5,"d":[1e30]}')).toEqual({
      a: -12345678901234567890n,
      b: 9007199254740991,
      c: 12345678901234567890.5,
      d: [1e30],
    });
    expect(unsafeIntegers('{"a":"12345678901234567890"}')).toEqual([]);
  });

  it('a __proto__ key stays an own property and pollutes nothing', () => {
    const parsed = parseExactJson('{"__proto__":{"polluted":12345678901234567890}}') as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it('bigints anywhere are written digit for digit; values that are not JSON name the field', () => {
    expect(stringifyExactJson({ a: [1n, { b: -2n }], s: '\u0000x\u0000' })).toBe('{"a":[1,{"b":-2}],"s":"\\u0000x\\u0000"}');
    const base = { corr_id: 'corr-0123456789abcdef', worker_id: 'w', started_at_ns: 1n, finished_at_ns: 2n, status: 'success' as const };
    expect(encodeReply({ ...base, result: { big: 12345678901234567890n } })).toContain('"result":{"big":12345678901234567890}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodeReply({ ...base, result: cyclic })).toThrow(ValidationError);
  });
});

describe('hand-checked shapes match the zod schemas', () => {
  const good = { corr_id: 'corr-0123456789abcdef', user_id: 'u', tenant_id: 't', email: '', role: 'r', app_id: 'a', function: 'f', reply_list: 'r', deadline_ns: 5n, submitted_at_ns: 1n };
  const zodFields = (schema: typeof RpcRequestSchema | typeof RpcReplySchema, value: unknown): string[] | 'ok' => {
    const result = schema.safeParse(value);
    return result.success ? 'ok' : toIssues(result.error.issues).map((i) => i.path);
  };
  const ourFields = (decode: (v: object) => unknown, value: unknown): string[] | 'ok' => {
    try {
      decode(value as object);
      return 'ok';
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => i.path);
    }
  };

  it.each<[string, Record<string, unknown>]>([
    ['good', {}],
    ['short corr_id, empty tenant', { corr_id: 'x', tenant_id: '' }],
    ['v 2', { v: 2 }],
    ['v null', { v: null }],
    ['scopes with a number', { scopes: ['a', 3, null] }],
    ['scopes a string', { scopes: 'a' }],
    ['params an array, attributes a Date', { params: [], attributes: new Date(0) }],
    ['unsafe number deadline', { deadline_ns: 2 ** 60 }],
    ['float and junk deadlines', { deadline_ns: 1.5, submitted_at_ns: 'x1' }],
    ['agency a number', { agency_id: 5 }],
    ['everything missing', { corr_id: undefined, user_id: undefined, email: undefined, deadline_ns: undefined }],
  ])('request: %s', (_label, change) => {
    const value = { ...good, ...change };
    expect(ourFields((v) => decodeRequest(v), value)).toEqual(zodFields(RpcRequestSchema, value));
  });

  const reply = { corr_id: 'corr-0123456789abcdef', worker_id: 'w', started_at_ns: 1n, finished_at_ns: 2n, status: 'success' };
  it.each<[string, Record<string, unknown>]>([
    ['good', {}],
    ['error without error', { status: 'error' }],
    ['success with error', { error: { category: 'timeout', message: 'm', retryable: true } }],
    ['bad error fields', { status: 'error', error: { category: 'nope', message: 1 } }],
    ['error an array', { status: 'error', error: [] }],
    ['bad status and result', { status: 'done', result: 'x' }],
  ])('reply: %s', (_label, change) => {
    const value = { ...reply, ...change };
    expect(ourFields((v) => decodeReply(v), value)).toEqual(zodFields(RpcReplySchema, value));
  });

  it('encoders check too, and round-trip', () => {
    expect(() => encodeRequest({ ...good, user_id: '' })).toThrow(/user_id/);
    const request = decodeRequest(encodeRequest(good)).value;
    expect(request).toEqual(RpcRequestSchema.parse(good));
  });
});
