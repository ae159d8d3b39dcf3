/**
 * Issue 10 item 3: secret values never leave in clear — not through results,
 * error dicts, logs of any field type, `inspect(ctx.secrets)`, encoded forms,
 * later invocations or refused writes.
 */
import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { ActionResult, ChatExtension, Extension, SecretWriteForbidden, ValidationError, createContext, dispatch, ui } from '../../src/index.js';
import type { Context, LogRecord } from '../../src/index.js';
import { SecretRedactor } from '../../src/context/redactor.js';
import { MockContext, createTester } from '../../src/testing/index.js';
import { encodeReply, runRpcRequest } from '../../src/rpc/index.js';

const KEY = 'sk-live-Zq81/xy+w==';
const OTHER = 'tok_5123abcdef';

/** An extension whose handlers let a secret escape every way they can. */
function leakyExtension(appId = 'leaks-test') {
  const ext = new Extension(appId, { version: '1.0.0' });
  ext.secret({ name: 'api_key', description: 'The API key.', writeMode: 'both' });
  ext.secret({ name: 'other', description: 'Another key.', writeMode: 'both' });
  ext.secret({ name: 'user_pin', description: 'Set by the user only.', writeMode: 'user' });
  const chat = new ChatExtension(ext);
  const key = async (ctx: Context): Promise<string> => (await ctx.secrets.get('api_key')) ?? '';
  chat.fn('error_result', { description: 'Returns an error result.' })(async (ctx) => {
    const k = await key(ctx);
    return ActionResult.error(`upstream refused ${k}`, { data: { sent: k } });
  });
  chat.fn('success_result', { description: 'Returns a success result.' })(async (ctx) => {
    const k = await key(ctx);
    return ActionResult.success({ headers: { authorization: `Bearer ${k}` }, list: [k], [k]: 'as key' }, { summary: `used ${k}` });
  });
  chat.fn('error_dict', { description: 'Returns an error dict.' })(async (ctx) => ({ status: 'error', error: `bad ${await key(ctx)}` }));
  chat.fn('encoded', { description: 'Returns encoded forms.' })(async (ctx) => {
    const k = await key(ctx);
    return {
      url: `https://api.test/x?key=${encodeURIComponent(k)}`,
      b64: Buffer.from(k).toString('base64'),
      b64url: Buffer.from(k).toString('base64url'),
      basic: `Basic ${Buffer.from(`user:${k}`).toString('base64')}`,
      json: JSON.stringify({ k }),
    };
  });
  ext.tool('raw_tool', { description: 'A raw tool.' })(async (ctx: Context) => ({ echoed: await key(ctx) }));
  ext.panel('leaky', { slot: 'left' })(async (ctx: Context) => ui.Text({ content: `key: ${await key(ctx)}` }));
  chat.fn('refused_write', { description: 'Writes where it may not.' })(async (ctx) => {
    const value = 'user-pin-value-77';
    try {
      await ctx.secrets.set('user_pin', value);
    } catch (err) {
      return ActionResult.error(`${(err as Error).message} (tried ${value})`);
    }
    return ActionResult.success({});
  });
  chat.fn('undeclared_write', { description: 'Writes an undeclared name.' })(async (ctx) => {
    await ctx.secrets.set('nope', 'undeclared-value-88');
    return {};
  });
  return ext;
}

describe('masking on the wire', () => {
  it.each(['error_result', 'success_result', 'error_dict', 'encoded'])('%s: no form of the value in the result', async (name) => {
    const ext = leakyExtension();
    const ctx = new MockContext({ extension: ext, kind: 'chat_fn' });
    ctx.secrets.seed('api_key', KEY);
    const out = await dispatch(ext, { kind: 'function', name }, ctx);
    const text = JSON.stringify(out);
    for (const form of [KEY, encodeURIComponent(KEY), Buffer.from(KEY).toString('base64'), Buffer.from(KEY).toString('base64url'), 'sk-live-Zq81', 'Zq81/xy+w']) {
      expect(text, form).not.toContain(form);
    }
    expect(text).toContain('[redacted]');
  });

  it('raw tools, panels and the tester results are masked too', async () => {
    const t = createTester(leakyExtension());
    t.ctx.secrets.seed('api_key', KEY);
    expect(JSON.stringify(await t.tool('raw_tool', {}))).not.toContain('sk-live');
    expect(JSON.stringify(await t.panel('leaky'))).not.toContain('sk-live');
    const r = await t.call('success_result', {});
    expect(r.summary).toBe('used [redacted]');
    expect(JSON.stringify(r.data)).not.toContain('sk-live');
  });

  it('RPC replies carry no form of the value', async () => {
    const ext = leakyExtension('rpc-leaks');
    const ctx = new MockContext({ extension: ext, kind: 'chat_fn' });
    ctx.secrets.seed('api_key', KEY);
    const request = {
      v: 1 as const,
      corr_id: 'corr-0123456789abcdef',
      user_id: 'u1',
      tenant_id: 'default',
      agency_id: null,
      email: 'a@b.c',
      role: 'user',
      scopes: [],
      attributes: {},
      app_id: 'rpc-leaks',
      function: 'success_result',
      params: {},
      reply_list: 'imperal:rpc:reply:corr-0123456789abcdef',
      deadline_ns: 10n ** 30n,
      submitted_at_ns: 1n,
    };
    const reply = await runRpcRequest(ext, request, ctx, { workerId: 'w1', now: () => 2n });
    const wire = encodeReply(reply);
    expect(wire).toContain('[redacted]');
    expect(wire).not.toContain('sk-live');
  });

  it("masks the value of a refused write, and of a write to an undeclared name", async () => {
    const t = createTester(leakyExtension());
    const refused = await t.call('refused_write', {});
    expect(refused.error).toMatch(/write_mode='user'.*\(tried \[redacted\]\)/);
    const undeclared = await t.call('undeclared_write', {});
    expect(undeclared.errorCode).toBe('SECRET_NOT_DECLARED');
    expect(JSON.stringify(t.ctx.logs)).not.toContain('undeclared-value-88');
  });

  it('keeps values read in an earlier invocation masked in later ones', async () => {
    const ext = new Extension('linger-test', { version: '1.0.0' });
    ext.secret({ name: 'api_key', description: 'The API key.' });
    const chat = new ChatExtension(ext);
    let kept = '';
    chat.fn('read', { description: 'Reads the key.' })(async (ctx) => {
      kept = (await ctx.secrets.get('api_key')) ?? '';
      return {};
    });
    chat.fn('later', { description: 'Returns what an earlier call kept.' })(async () => ({ kept }));
    const make = () =>
      createContext({
        kind: 'chat_fn',
        gatewayUrl: 'http://127.0.0.1:9',
        serviceToken: 'svc',
        identity: { imperalId: 'u1' },
        extension: ext,
        env: { IMPERAL_DEV_MODE: '1', IMPERAL_SECRET_API_KEY: 'dev-key-kept-123' },
      });
    await dispatch(ext, { kind: 'function', name: 'read' }, make());
    const out = await dispatch(ext, { kind: 'function', name: 'later' }, make());
    expect(out.data).toEqual({ kept: '[redacted]' });
  });
});

describe('longest match first', () => {
  it('never leaves a suffix or an overlap in clear', () => {
    const r = new SecretRedactor();
    r.remember('abc123');
    r.remember('abc123456789');
    expect(r.redact('x abc123456789 y abc123 z')).toBe('x [redacted] y [redacted] z');
    const o = new SecretRedactor();
    o.remember('abcdefgh');
    o.remember('efghijkl');
    expect(o.redact('<abcdefghijkl>')).toBe('<[redacted]>');
  });

  it('masks overlapping secrets read through ctx.secrets in logs', async () => {
    const ctx = new MockContext({ extension: leakyExtension() });
    ctx.secrets.seed('api_key', 'prefix-secret');
    ctx.secrets.seed('other', 'prefix-secret-and-more');
    await ctx.secrets.get('api_key');
    await ctx.secrets.get('other');
    ctx.log.info('value prefix-secret-and-more');
    expect(ctx.logs[0]!.message).toBe('value [redacted]');
  });
});

describe('log fields of any type', () => {
  class Client {
    readonly apiKey = KEY;
    readonly nested = { list: [KEY] };
  }

  const fieldsOf = (k: string) => {
    const circular: Record<string, unknown> = { k };
    circular.self = circular;
    return {
      instance: new Client(),
      url: new URL(`https://user:${encodeURIComponent('pw-secret-1')}@api.test/v1?key=${encodeURIComponent(k)}`),
      error: Object.assign(new Error(`failed with ${k}`), { code: 'E_KEY', cause: new Error(k) }),
      map: new Map<unknown, unknown>([[k, k], ['x', { k }]]),
      set: new Set([k]),
      buffer: Buffer.from(k),
      bytes: new TextEncoder().encode(k),
      big: 12345678901234567890n,
      circular,
      getterThrows: Object.defineProperty({}, 'boom', { enumerable: true, get: () => { throw new Error(k); } }),
      fn: () => k,
      sym: Symbol(k),
    };
  };

  it('are serialised to plain JSON and masked for MockContext.logs', async () => {
    const ctx = new MockContext({ extension: leakyExtension() });
    ctx.secrets.seed('api_key', KEY);
    await ctx.secrets.get('api_key');
    ctx.log.warn('fields', fieldsOf(KEY));
    const record = ctx.logs[0]!;
    const text = JSON.stringify(record);
    expect(text).not.toContain('sk-live');
    expect(text).not.toContain('pw-secret-1');
    expect(record.fields).toMatchObject({
      instance: { apiKey: '[redacted]', nested: { list: ['[redacted]'] } },
      error: { name: 'Error', message: 'failed with [redacted]', code: 'E_KEY', cause: { message: '[redacted]' } },
      set: ['[redacted]'],
      big: '12345678901234567890',
      circular: { k: '[redacted]', self: '[Circular]' },
      getterThrows: { boom: '[Unreadable]' },
    });
    expect(record.fields.buffer).toMatch(/^\[Buffer \d+ bytes\]$/);
  });

  it('reach a custom sink of a real context masked, and never throw', async () => {
    const records: LogRecord[] = [];
    const ext = leakyExtension('sink-test');
    const ctx = createContext({
      kind: 'tool',
      gatewayUrl: 'http://127.0.0.1:9',
      serviceToken: 'svc',
      identity: { imperalId: 'u1' },
      extension: ext,
      env: { IMPERAL_DEV_MODE: '1', IMPERAL_SECRET_API_KEY: KEY },
      logSink: (r) => records.push(r),
    });
    await ctx.secrets.get('api_key');
    ctx.log.error('x', fieldsOf(KEY));
    expect(records).toHaveLength(1);
    expect(JSON.stringify(records)).not.toContain('sk-live');
  });
});

describe('inspect(ctx.secrets)', () => {
  it('shows names only, never values or the environment, in every mode', async () => {
    const ext = leakyExtension('inspect-test');
    const env = { IMPERAL_DEV_MODE: '1', IMPERAL_SECRET_API_KEY: 'env-secret-value-1', UNRELATED_VAR: 'unrelated-env-value' };
    const dev = createContext({ kind: 'tool', gatewayUrl: 'http://127.0.0.1:9', serviceToken: 'svc-token-value', identity: { imperalId: 'u1' }, extension: ext, env });
    const vault = createContext({ kind: 'tool', gatewayUrl: 'http://127.0.0.1:9', serviceToken: 'svc-token-value', identity: { imperalId: 'u1' }, extension: ext, env: {} });
    const mock = new MockContext({ extension: ext });
    mock.secrets.seed('api_key', 'mock-secret-value-1');
    await dev.secrets.get('api_key');
    await mock.secrets.get('api_key');
    for (const ctx of [dev, vault, mock]) {
      for (const text of [inspect(ctx.secrets), inspect(ctx.secrets, { showHidden: true, depth: 10 }), JSON.stringify(ctx.secrets), inspect(ctx, { depth: 10 })]) {
        for (const leaked of ['env-secret-value-1', 'unrelated-env-value', 'mock-secret-value-1', 'svc-token-value', String(process.env.PATH)]) {
          expect(text, leaked).not.toContain(leaked);
        }
      }
      expect(inspect(ctx.secrets)).toContain('api_key');
    }
  });
});

describe('short secret values', () => {
  it('are accepted on set as the 5.11 clients accept them, and masked when written or read', async () => {
    const ctx = new MockContext({ extension: leakyExtension() });
    await ctx.secrets.set('api_key', 'q9z');
    ctx.log.info('key q9z set');
    expect(ctx.logs[0]!.message).toBe('key [redacted] set');
    const err = await ctx.secrets.set('user_pin', 'q9z').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretWriteForbidden);
    expect(String((err as Error).message)).not.toContain('q9z');
    ctx.logs.length = 0;
    ctx.secrets.seed('other', 'k7');
    await ctx.secrets.get('other');
    ctx.log.info('pin k7 used');
    expect(ctx.logs[0]!.message).toBe('pin [redacted] used');
  });
});
