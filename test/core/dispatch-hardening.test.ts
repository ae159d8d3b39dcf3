/**
 * The dispatcher contains whatever a handler throws or returns (issue 8, item 5):
 * odd thrown values become INTERNAL_ERROR, results JSON cannot carry are reported
 * with their path, oversized results and messages become RESULT_TOO_LARGE, and a
 * malformed invocation is a rejected ValidationError.
 */
import { describe, expect, it } from 'vitest';
import {
  ActionResult,
  ChatExtension,
  DEFAULT_MAX_RESULT_BYTES,
  Extension,
  ValidationError,
  decodeRequest,
  dispatch,
  encodeReply,
  encodeRequest,
  runRpcRequest,
} from '../../src/index.js';
import type { Context, Invocation } from '../../src/index.js';

const ctx = {} as Context;

const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
})();
const hostile = new Proxy(
  {},
  {
    get: () => {
      throw new Error('get trap');
    },
    getPrototypeOf: () => {
      throw new Error('proto trap');
    },
    has: () => {
      throw new Error('has trap');
    },
  },
);
const THROWN: Array<[string, () => unknown]> = [
  ['Object.create(null)', () => Object.create(null)],
  ['a message getter that throws', () => Object.defineProperty(new Error('x'), 'message', { get: () => { throw new Error('boom'); } })],
  ['a toString that throws', () => ({ toString: () => { throw new Error('boom'); } })],
  ['a Proxy whose traps throw', () => hostile],
  ['a revoked Proxy', () => revoked],
  ['a symbol', () => Symbol('sym')],
  ['null', () => null],
  ['undefined', () => undefined],
];

function build() {
  const ext = new Extension('hard-ext', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'hard' });
  for (const [label, make] of THROWN) {
    chat.fn(`throw_${THROWN.findIndex(([l]) => l === label)}`, { description: `Throws ${label}.` })(async () => {
      throw make();
    });
  }
  const cyclicOwner: Record<string, unknown> = { name: 'o' };
  cyclicOwner.self = cyclicOwner;
  const items = [{}, {}, {}, { owner: cyclicOwner }];
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let i = 0; i < 1001; i++) cursor = (cursor.n = {}) as Record<string, unknown>;
  const returns: Record<string, () => unknown> = {
    cycle: () => ({ items }),
    bigint: () => ({ a: { b: [1, 2n] } }),
    getter: () => ({ a: Object.defineProperty({}, 'secret', { enumerable: true, get: () => { throw new Error('getter failed'); } }) }),
    to_json: () => ({ when: { toJSON: () => { throw new Error('toJSON failed'); } } }),
    hidden_to_json: () => ({ when: Object.defineProperty({}, 'toJSON', { enumerable: false, value: () => { throw new Error('hidden toJSON failed'); } }) }),
    array_to_json: () => ({ list: Object.assign([1, 2], { toJSON: () => { throw new Error('array toJSON failed'); } }) }),
    deep: () => deep,
    map: () => ({ index: new Map([['a', 1]]) }),
    nan: () => ({ ratio: Number.NaN }),
    big: () => ({ blob: 'x'.repeat(DEFAULT_MAX_RESULT_BYTES + 10) }),
    fits: () => ({ blob: 'x'.repeat(DEFAULT_MAX_RESULT_BYTES - 100) }),
    long_error: () => ActionResult.error('e'.repeat(DEFAULT_MAX_RESULT_BYTES + 1)),
    fine: () => ({ when: new Date(0), list: [1, undefined, 'a'], skip: undefined }),
  };
  for (const [name, make] of Object.entries(returns)) chat.fn(`ret_${name}`, { description: `Returns ${name}.` })(async () => make());
  ext.tool('raw_cycle', { description: 'A raw tool with a cyclic result.' })(async () => ({ items }));
  ext.panel('p')(async () => ({ type: 'Stack', props: {}, children: [{ items }] }));
  ext.skeleton('s')(async () => ({ items }));
  ext.schedule('tick', { cron: '* * * * *' })(async () => {
    throw hostile;
  });
  ext.healthCheck()(async () => ({ status: 'ok', details: { items } }));
  return ext;
}

describe('every throw is contained', () => {
  it.each(THROWN.map(([label], i) => [label, i] as const))('a chat function throwing %s → INTERNAL_ERROR', async (_label, i) => {
    const out = await dispatch(build(), { kind: 'function', name: `throw_${i}` }, ctx);
    expect(out).toMatchObject({ status: 'error', error_code: 'INTERNAL_ERROR' });
    expect(typeof out.error).toBe('string');
    expect(out.retryable).toBeUndefined();
  });

  it('other kinds answer in their own error form; a hostile ctx changes nothing', async () => {
    const ext = build();
    expect(await dispatch(ext, { kind: 'schedule', name: 'tick' }, ctx)).toMatchObject({ status: 'error', error_code: 'INTERNAL_ERROR' });
    const hostileCtx = hostile as unknown as Context;
    expect(await dispatch(ext, { kind: 'function', name: 'throw_0' }, hostileCtx)).toMatchObject({ error_code: 'INTERNAL_ERROR' });
  });

  it('runRpcRequest never answers retryable for a handler that ran or threw', async () => {
    const ext = build();
    const request = decodeRequest({
      corr_id: 'corr-0123456789abcdef',
      user_id: 'u',
      tenant_id: 't',
      email: '',
      role: 'user',
      app_id: 'hard-ext',
      function: 'throw_0',
      reply_list: 'r',
      deadline_ns: 10n ** 19n,
      submitted_at_ns: 1n,
    }).value;
    for (const name of [...THROWN.map((_t, i) => `throw_${i}`), 'ret_cycle', 'ret_big']) {
      const reply = await runRpcRequest(ext, { ...request, function: name }, ctx, { workerId: 'w' });
      expect(reply.status).toBe('success');
      expect(reply.error).toBeNull();
      expect(reply.result).toMatchObject({ status: 'error' });
      expect(() => encodeReply(reply)).not.toThrow();
    }
  });
});

describe('results JSON cannot carry, at any depth', () => {
  it.each([
    ['ret_cycle', 'data.items[3].owner.self: cycle'],
    ['ret_bigint', 'data.a.b[1]: a bigint'],
    ['ret_getter', 'data.a.secret: reading it threw: getter failed'],
    ['ret_to_json', 'data.when: toJSON() threw: toJSON failed'],
    ['ret_hidden_to_json', 'data.when: toJSON() threw: hidden toJSON failed'],
    ['ret_array_to_json', 'data.list: toJSON() threw: array toJSON failed'],
    ['ret_deep', 'nesting deeper than 1000 levels'],
    ['ret_map', 'data.index: a Map'],
    ['ret_nan', 'data.ratio: NaN'],
  ])('%s → INTERNAL_ERROR naming "%s"', async (name, where) => {
    const out = await dispatch(build(), { kind: 'function', name }, ctx);
    expect(out).toMatchObject({ status: 'error', error_code: 'INTERNAL_ERROR' });
    expect(out.error).toContain(where);
  });

  it('what JSON.stringify keeps is kept (dates, undefined in arrays and objects)', async () => {
    const out = await dispatch(build(), { kind: 'function', name: 'ret_fine' }, ctx);
    expect(JSON.parse(JSON.stringify(out))).toEqual({ status: 'success', summary: '', data: { when: '1970-01-01T00:00:00.000Z', list: [1, null, 'a'] } });
  });

  it('raw tools, panels, skeletons and health checks are checked too, each in its own form', async () => {
    const ext = build();
    expect(await dispatch(ext, { kind: 'tool', name: 'raw_cycle' }, ctx)).toMatchObject({ status: 'error', error_code: 'INTERNAL_ERROR' });
    const panel = await dispatch(ext, { kind: 'panel', id: 'p' }, ctx);
    expect(panel).toMatchObject({ panel_id: 'p', error_code: 'INTERNAL_ERROR', ui: { type: 'Error' } });
    expect(panel.error).toContain('ui.children[0].items[3].owner.self: cycle');
    expect(await dispatch(ext, { kind: 'tool', name: '__panel__p' }, ctx)).toMatchObject({ panel_id: 'p', error_code: 'INTERNAL_ERROR' });
    expect(await dispatch(ext, { kind: 'skeleton', section: 's' }, ctx)).toMatchObject({ response: null, error_code: 'INTERNAL_ERROR' });
    expect(await dispatch(ext, { kind: 'health' }, ctx)).toMatchObject({ status: 'unhealthy' });
  });
});

describe('size limits', () => {
  it('a result over 1 MiB (the default) or an error message over 1 MiB → RESULT_TOO_LARGE; just under passes', async () => {
    const ext = build();
    expect(await dispatch(ext, { kind: 'function', name: 'ret_big' }, ctx)).toMatchObject({ status: 'error', error_code: 'RESULT_TOO_LARGE' });
    expect(await dispatch(ext, { kind: 'function', name: 'ret_long_error' }, ctx)).toMatchObject({ status: 'error', error_code: 'RESULT_TOO_LARGE' });
    expect(await dispatch(ext, { kind: 'function', name: 'ret_fits' }, ctx)).toMatchObject({ status: 'success' });
  });

  it('the limits are configurable, per dispatch and per RPC run; bad values are refused', async () => {
    const ext = build();
    const small = await dispatch(ext, { kind: 'function', name: 'ret_fine' }, ctx, { maxResultBytes: 20 });
    expect(small).toMatchObject({ error_code: 'RESULT_TOO_LARGE' });
    expect(small.error).toContain('maxResultBytes');
    expect(await dispatch(ext, { kind: 'function', name: 'throw_6' }, ctx, { maxErrorMessageBytes: 5 })).toMatchObject({ error_code: 'RESULT_TOO_LARGE' });
    const request = decodeRequest(
      encodeRequest({ corr_id: 'corr-0123456789abcdef', user_id: 'u', tenant_id: 't', email: '', role: 'r', app_id: 'hard-ext', function: 'ret_fits', reply_list: 'r', deadline_ns: 10n ** 19n, submitted_at_ns: 1n }),
    ).value;
    const reply = await runRpcRequest(ext, request, ctx, { workerId: 'w', maxResultBytes: 1000 });
    expect(reply.result).toMatchObject({ error_code: 'RESULT_TOO_LARGE' });
    await expect(dispatch(ext, { kind: 'function', name: 'ret_fine' }, ctx, { maxResultBytes: 0 })).rejects.toThrow(ValidationError);
    await expect(dispatch(ext, { kind: 'function', name: 'ret_fine' }, ctx, { maxResultBytes: Number.NaN })).rejects.toThrow('maxResultBytes');
  });
});

describe('malformed invocations reject with a ValidationError, never a synchronous TypeError', () => {
  const bad: Array<[string, unknown]> = [
    ['null', null],
    ['42', 42],
    ['undefined', undefined],
    ['a webhook without path', { kind: 'webhook' }],
    ['a function without name', { kind: 'function' }],
    ['a panel with a numeric id', { kind: 'panel', id: 3 }],
    ['a lifecycle with an unknown hook', { kind: 'lifecycle', hook: 'on_boom' }],
    ['a Proxy whose traps throw', hostile],
    ['a revoked Proxy', revoked],
  ];
  it.each(bad)('%s', async (_label, invocation) => {
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = dispatch(build(), invocation as Invocation, ctx);
    }).not.toThrow();
    await expect(promise).rejects.toBeInstanceOf(ValidationError);
  });

  it('names the field', async () => {
    await expect(dispatch(build(), { kind: 'webhook' } as never, ctx)).rejects.toThrow("'path'");
    await expect(dispatch(null as never, { kind: 'health' }, ctx)).rejects.toThrow("Validation error on 'ext'");
    await expect(dispatch({ registry: {} } as never, { kind: 'function', name: 'f' }, ctx)).rejects.toThrow(ValidationError);
  });
});
