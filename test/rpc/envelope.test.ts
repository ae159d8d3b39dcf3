/** The kernel ↔ extension RPC envelope v1: exact encoding, decoding rules, replies, and a run through the dispatcher. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ActionResult,
  ChatExtension,
  Extension,
  ValidationError,
  buildErrorReply,
  decodeReply,
  decodeRequest,
  encodeReply,
  encodeRequest,
  isLegacyEnvelope,
  runRpcRequest,
  shouldCacheReply,
} from '../../src/index.js';
import type { Context, RpcReply } from '../../src/index.js';

const DEADLINE = 1795304557123456789n; // beyond 2^53: must survive exactly
const request = {
  corr_id: 'corr-0123456789abcdef',
  user_id: 'imp_u_1',
  tenant_id: 'default',
  email: 'a@b.c',
  role: 'user',
  app_id: 'rpc-ext',
  function: 'greet',
  params: { name: 'Ada' },
  reply_list: 'imperal:rpc:reply:corr-0123456789abcdef',
  deadline_ns: DEADLINE,
  submitted_at_ns: 1795304556000000001n,
};

describe('RPC envelope v1', () => {
  it('encodes every field in wire order, nulls included, nanoseconds digit for digit', () => {
    const text = encodeRequest(request);
    expect(text).toBe(
      '{"v":1,"corr_id":"corr-0123456789abcdef","user_id":"imp_u_1","tenant_id":"default","agency_id":null,"email":"a@b.c","role":"user",' +
        '"scopes":[],"attributes":{},"app_id":"rpc-ext","function":"greet","params":{"name":"Ada"},' +
        '"reply_list":"imperal:rpc:reply:corr-0123456789abcdef","deadline_ns":1795304557123456789,"submitted_at_ns":1795304556000000001}',
    );
    const decoded = decodeRequest(text);
    expect(decoded.legacyEnvelope).toBe(false);
    expect(decoded.value.deadline_ns).toBe(DEADLINE);
    expect(encodeRequest(decoded.value)).toBe(text);
  });

  it('drops unknown keys; a missing v is version 1 and legacy (loose) or an error (strict); other versions fail', () => {
    const legacy = { ...request }; // no `v`
    const loose = decodeRequest({ ...legacy, surprise: true });
    expect(loose.legacyEnvelope).toBe(true);
    expect(loose.value.v).toBe(1);
    expect('surprise' in loose.value).toBe(false);
    expect(isLegacyEnvelope(legacy)).toBe(true);
    expect(() => decodeRequest(legacy, { strictVersion: true })).toThrow(ValidationError);
    expect(() => decodeRequest({ ...legacy, v: 2 })).toThrow(/v:/);
  });

  it('checks field constraints and names the field', () => {
    expect(() => decodeRequest({ ...request, corr_id: 'short' })).toThrow(/corr_id/);
    expect(() => decodeRequest({ ...request, tenant_id: '' })).toThrow(/tenant_id/);
    expect(() => decodeRequest('not json')).toThrow('an RPC envelope must be JSON');
  });

  it('replies: error needs an error, success forbids one; encoding keeps order and nulls', () => {
    const base = { corr_id: request.corr_id, worker_id: 'w1', started_at_ns: 1n, finished_at_ns: 2n };
    expect(encodeReply({ ...base, status: 'success', result: { ok: true } })).toBe(
      '{"v":1,"corr_id":"corr-0123456789abcdef","status":"success","result":{"ok":true},"worker_id":"w1","started_at_ns":1,"finished_at_ns":2,"error":null}',
    );
    expect(() => encodeReply({ ...base, status: 'error' })).toThrow("status 'error' needs an error");
    expect(() => decodeReply({ ...base, status: 'success', error: { category: 'timeout', message: 'x', retryable: true } })).toThrow('carries no error');
  });

  it('error replies cut the message to 512 characters; only repeatable errors are cacheable', () => {
    const reply = buildErrorReply({ corrId: request.corr_id, category: 'application', message: 'x'.repeat(600), retryable: false, workerId: 'w', startedAtNs: 1n, finishedAtNs: 2n });
    expect(reply.error?.message).toHaveLength(512);
    const categories = ['application', 'tenant_mismatch', 'schema_violation', 'infrastructure', 'timeout'] as const;
    expect(categories.map((category) => shouldCacheReply({ ...reply, error: { category, message: '', retryable: false } }))).toEqual([true, true, true, false, false]);
    expect(shouldCacheReply({ ...reply, status: 'success', error: null, result: {} })).toBe(true);
  });
});

describe('runRpcRequest', () => {
  const ext = new Extension('rpc-ext');
  new ChatExtension(ext).fn('greet', { description: 'Greets a person.', params: z.object({ name: z.string() }) })(async (_ctx, p) =>
    ActionResult.success({ text: `hi ${p.name}` }, { summary: 'greeted' }),
  );
  const ctx = {} as Context;
  const clock = (t: bigint) => () => t;

  it('dispatches the function and wraps the wire result in a success reply', async () => {
    const reply = await runRpcRequest(ext, decodeRequest(encodeRequest(request)).value, ctx, { workerId: 'w1', now: clock(1795304556500000000n) });
    expect(reply).toMatchObject<Partial<RpcReply>>({ status: 'success', worker_id: 'w1', error: null, result: { status: 'success', summary: 'greeted', data: { text: 'hi Ada' } } });
    expect(() => encodeReply(reply)).not.toThrow();
  });

  it('handler-level failures travel in the result; a passed deadline or another app is an error reply', async () => {
    const invalid = await runRpcRequest(ext, decodeRequest({ ...request, params: {} }).value, ctx, { workerId: 'w', now: clock(1n) });
    expect(invalid.status).toBe('success');
    expect(invalid.result).toMatchObject({ status: 'error', error_code: 'INVALID_PARAMS' });
    const late = await runRpcRequest(ext, decodeRequest(request).value, ctx, { workerId: 'w', now: clock(DEADLINE) });
    expect(late.error).toEqual({ category: 'timeout', message: 'deadline passed before the call started', retryable: true });
    const misrouted = await runRpcRequest(ext, decodeRequest({ ...request, app_id: 'other' }).value, ctx, { workerId: 'w', now: clock(1n) });
    expect(misrouted.error?.category).toBe('schema_violation');
  });
});
