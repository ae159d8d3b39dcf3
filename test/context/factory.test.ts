/**
 * createContext: kinds, identity defaults, injectable dispatcher (MockAgent),
 * secrets dev mode, logging and progress.
 */
import { describe, expect, it } from 'vitest';
import { MockAgent } from 'undici';
import { createContext } from '../../src/context/factory.js';
import type { LogRecord } from '../../src/context/logger.js';
import { Extension } from '../../src/core/extension.js';
import { SecretNotDeclaredError, SecretWriteForbidden, ValidationError } from '../../src/errors.js';

const GW = 'https://gw.test';

describe('createContext', () => {
  it('talks to an injected MockAgent, never the network', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get(GW)
      .intercept({ path: '/v1/internal/store', method: 'POST', headers: { 'x-service-token': 'svc' } })
      .reply(201, { id: 'd1', data: { a: 1 }, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' });
    const ctx = createContext({ kind: 'chat_fn', gatewayUrl: `${GW}/`, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'app1', dispatcher: agent });
    const doc = await ctx.store.create('notes', { a: 1 });
    expect(doc.toDict()).toMatchObject({ id: 'd1', collection: 'notes', extension_id: 'app1', created_at: '2026-01-01T00:00:00Z' });
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  it('builds the call signal only when it is needed, once, and hands it to the clients', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    let made = 0;
    const controller = new AbortController();
    const signal = (): AbortSignal => {
      made++;
      return controller.signal;
    };
    const ctx = createContext({ kind: 'tool', gatewayUrl: GW, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'app1', dispatcher: agent, signal });
    // A context nobody uses makes no signal (the host builds one context per call).
    expect(made).toBe(0);
    expect(ctx.user.imperalId).toBe('u1');
    expect(made).toBe(0);
    // Using a client makes it, and the client honours it: an aborted call never reaches the gateway.
    controller.abort(new Error('deadline'));
    await expect(ctx.store.get('notes', 'n1')).rejects.toThrow();
    expect(made).toBe(1);
    expect(ctx.signal).toBe(controller.signal);
    expect(ctx.signal.aborted).toBe(true);
    expect(made).toBe(1);
    await agent.close();
  });

  it('shares one client set per context: the same object on every read', () => {
    const ctx = createContext({ kind: 'tool', gatewayUrl: GW, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'app1' });
    expect(ctx.store).toBe(ctx.store);
    expect(ctx.config).toBe(ctx.config);
    expect(ctx.skeleton).toBe(ctx.skeleton);
    // Without a caller's signal, ctx.signal is a signal that never aborts.
    expect(ctx.signal.aborted).toBe(false);
  });

  it('reads config when the context is made; a client can still be swapped by assignment', () => {
    const base = { kind: 'tool', gatewayUrl: GW, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'app1' } as const;
    // A configuration that cannot be copied fails at creation, not at the handler's first client.
    expect(() => createContext({ ...base, config: { f() {} } })).toThrow();
    const config: Record<string, unknown> = { mode: 'a' };
    const ctx = createContext({ ...base, config });
    config.mode = 'b';
    expect(ctx.config.get('mode')).toBe('a');
    const stub = { get: async () => 'stubbed' } as unknown as typeof ctx.http;
    (ctx as { http: typeof ctx.http }).http = stub;
    expect(ctx.http).toBe(stub);
    // Only that context: another one keeps its own client.
    expect(createContext(base).http).not.toBe(stub);
  });

  it('defaults identities of system and webhook contexts, and demands one elsewhere', () => {
    const base = { gatewayUrl: GW, serviceToken: 'svc', extension: 'app1' } as const;
    expect(createContext({ ...base, kind: 'system' }).user.imperalId).toBe('__system__');
    expect(createContext({ ...base, kind: 'webhook' }).user.imperalId).toBe('__webhook__');
    expect(() => createContext({ ...base, kind: 'panel' })).toThrow(/identity/);
    expect(() => createContext({ ...base, kind: 'tool', identity: { imperalId: 'u' }, gatewayUrl: 'not a url' })).toThrow(/gatewayUrl/);
    expect(() => createContext({ ...base, kind: 'tool', identity: { imperalId: 'u' }, serviceToken: '' })).toThrow(ValidationError);
  });

  it('reads secrets from the environment in dev mode, still enforcing declarations', async () => {
    const ext = new Extension('dev-app');
    ext.secret({ name: 'api_key', description: 'Key' });
    ext.secret({ name: 'shared', description: 'Shared', scope: 'app', writeMode: 'extension', envFallback: 'IMPERAL_APPSECRET_SHARED' });
    const env = { IMPERAL_DEV_MODE: 'Yes', IMPERAL_SECRET_API_KEY: 'k-1', IMPERAL_APPSECRET_SHARED: 's-1' };
    const ctx = createContext({ kind: 'tool', gatewayUrl: GW, serviceToken: 'svc', identity: { imperalId: 'u' }, extension: ext, env });
    expect(await ctx.secrets.get('api_key')).toBe('k-1');
    expect(await ctx.secrets.get('shared')).toBe('s-1');
    expect(await ctx.secrets.isSet('api_key')).toBe(true);
    expect((await ctx.secrets.list()).map((s) => s.isSet)).toEqual([true, true]);
    await expect(ctx.secrets.get('other')).rejects.toBeInstanceOf(SecretNotDeclaredError);
    await expect(ctx.secrets.set('api_key', 'x')).rejects.toBeInstanceOf(SecretWriteForbidden);
    expect(await ctx.secrets.delete('shared')).toBe(false);
  });

  it('logs through the sink and forwards progress', async () => {
    const records: LogRecord[] = [];
    const progress: [number, string][] = [];
    const ctx = createContext({
      kind: 'tool',
      gatewayUrl: GW,
      serviceToken: 'svc',
      identity: { imperalId: 'u' },
      extension: 'app1',
      logSink: (r) => records.push(r),
      onProgress: (p, m) => void progress.push([p, m]),
      now: () => Date.parse('2026-02-03T04:05:06Z'),
    });
    ctx.log.warn('slow', { ms: 5 });
    await ctx.progress(50, 'half');
    await expect(ctx.progress(101)).rejects.toMatchObject({ field: 'percent' });
    expect(records).toEqual([{ level: 'warn', message: 'slow', logger: 'ext.app1', fields: { ms: 5 }, time: '2026-02-03T04:05:06.000Z' }]);
    expect(progress).toEqual([[50, 'half']]);
    expect(ctx.time.nowUtc).toBe('2026-02-03T04:05:06.000Z');
  });
});
