/** The dev platform's persisted state, live feed limits and the runner's limits, in process. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionResult, ChatExtension, Extension, createContext, dispatch, runRpcRequest, z } from '../../src/index.js';
import { DevHub, SSE_MAX_BUFFERED_BYTES } from '../../src/dev/hub.js';
import { DevPlatform } from '../../src/dev/platform.js';
import { DevRunner, MAX_DELIVERIES_PER_SECOND, MAX_LOGS } from '../../src/dev/runner.js';
import { loadState, saveState, stateFile, writeAtomic } from '../../src/dev/state.js';
import { nextFires } from '../../src/dev/surfaces.js';
import { isErrorResult, parseParams, parseTarget } from '../../src/cli/commands/invoke.js';
import { ValidationError } from '../../src/errors.js';
import { PlatformState } from '../../src/testing/engine/platform.js';
import { HttpError } from '../../src/dev/http-util.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'imperal-state-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('persisted state', () => {
  it('round-trips every engine and the config', () => {
    const dir = tmp();
    const a = new PlatformState();
    const scope = { tenantId: 'default', extensionId: 'app', userId: 'u1' };
    const doc = a.store.create(scope, 'tasks', { title: 'Milk', tags: ['x'] });
    a.vault.write('app', '__app__', 'token', 's3cret-value');
    a.files.put('default', 'app', 'a/b.txt', new TextEncoder().encode('bytes!'), 'text/plain');
    a.cache.set('app/u1/m/h', '{"v":1}', 60);
    a.skeleton.set('app/u1/tasks', { open: 1 });
    a.notifications.push({ user_id: 'u1', message: 'hi' });
    a.chat.push({ text: 'hello', msg_type: 'info' });
    a.bus.publish({ eventType: 'app.x', data: { n: 1 }, sourceApp: 'app', userId: 'u1', tenantId: 'default', id: 'e1' });
    saveState(dir, a, { region: 'eu' });
    const b = new PlatformState();
    expect(loadState(dir, b)).toEqual({ region: 'eu' });
    expect(b.store.get(scope, 'tasks', doc.id)).toEqual(doc);
    expect(b.vault.read('app', '__app__', 'token')).toBe('s3cret-value');
    expect(new TextDecoder().decode(b.files.read('default', 'app', 'a/b.txt'))).toBe('bytes!');
    expect(b.cache.get('app/u1/m/h')).toBe('{"v":1}');
    expect(b.skeleton.get('app/u1/tasks')).toEqual({ open: 1 });
    expect(b.notifications).toEqual([{ user_id: 'u1', message: 'hi' }]);
    expect(b.chat).toEqual([{ text: 'hello', msg_type: 'info' }]);
    expect(b.bus.events.map((e) => e.id)).toEqual(['e1']);
    expect(b.store.collections('default', 'app')).toEqual(['tasks']);
  });

  it('writes atomically: no temp file is left, and a failed write leaves the old file intact', () => {
    const dir = tmp();
    saveState(dir, new PlatformState(), { v: 1 });
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(() => writeAtomic(join(dir, 'missing-folder', 'state.json'), '{}')).toThrow();
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(loadState(dir, new PlatformState())).toEqual({ v: 1 });
  });

  it('a corrupt or foreign state file is a clear error that names --reset', () => {
    const dir = tmp();
    writeFileSync(stateFile(dir), '{"version": 1, "store": ');
    expect(() => loadState(dir, new PlatformState())).toThrow(ValidationError);
    expect(() => loadState(dir, new PlatformState())).toThrow(/--reset/);
    writeFileSync(stateFile(dir), '{"version": 99}');
    expect(() => loadState(dir, new PlatformState())).toThrow(/layout version 99/);
    expect(loadState(tmp(), new PlatformState())).toEqual({});
  });

  it('coalesces bursts of changes into one write after the save delay', async () => {
    const dir = tmp();
    const p = new DevPlatform({ dataDir: dir, extension: () => undefined, saveDelayMs: 30 });
    p.config = { n: 1 };
    p.changed();
    p.changed();
    expect(existsSync(stateFile(dir))).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(loadState(dir, new PlatformState())).toEqual({ n: 1 });
    await p.close();
  });
});

describe('live feed', () => {
  it('drops a client that stopped reading once its buffer passes the limit', () => {
    const hub = new DevHub();
    const frames: string[] = [];
    let destroyed = false;
    const res = { writableLength: 0, writeHead: () => res, write: (f: string) => void frames.push(f), on: () => res, destroy: () => void (destroyed = true), end: () => undefined };
    hub.attach(res as never);
    hub.publish('store', { id: 1 });
    expect(frames.at(-1)).toBe('id: 1\nevent: store\ndata: {"id":1}\n\n');
    res.writableLength = SSE_MAX_BUFFERED_BYTES + 1;
    hub.publish('store', { id: 2 });
    expect(destroyed).toBe(true);
    expect(hub.size).toBe(0);
  });
});

describe('schedules', () => {
  it('lists the next fire times in UTC; a bad cron has none', () => {
    expect(nextFires('0 8 * * *', 3, new Date('2026-03-01T09:00:00Z'))).toEqual(['2026-03-02T08:00:00.000Z', '2026-03-03T08:00:00.000Z', '2026-03-04T08:00:00.000Z']);
    expect(nextFires('not a cron')).toEqual([]);
  });
});

describe('imperal invoke parsing', () => {
  it('parses targets, params and error results', () => {
    expect(parseTarget('__panel__sidebar')).toEqual({ kind: 'panel', id: 'sidebar' });
    expect(parseTarget('tray:bell')).toEqual({ kind: 'tray', id: 'bell' });
    expect(parseTarget('schedule:digest')).toEqual({ kind: 'schedule', name: 'digest' });
    expect(parseTarget('skeleton_refresh_tasks')).toEqual({ kind: 'skeleton', section: 'tasks' });
    expect(parseTarget('create_task')).toEqual({ kind: 'function', name: 'create_task' });
    expect(parseParams('{"a":1}')).toEqual({ a: 1 });
    expect(() => parseParams('[1]')).toThrow(/JSON object/);
    expect(() => parseParams('@/no/such/file.json')).toThrow(/does not exist/);
    expect(isErrorResult({ status: 'error' })).toBe(true);
    expect(isErrorResult({ ui: {}, error: 'boom' })).toBe(true);
    expect(isErrorResult({ status: 'success', error: null })).toBe(false);
  });
});

describe('runner limits', () => {
  function setup(deadlineMs?: number) {
    const ext = new Extension('limits-app', { version: '1.0.0' });
    const chat = new ChatExtension(ext, { toolName: 'limits', description: 'limits' });
    chat.function('slow', { description: 'Never finishes in time at all', params: z.object({}) })(async () => new Promise(() => undefined));
    chat.function('chatty', { description: 'Logs more than the log limit', params: z.object({ n: z.number() }) })(async (ctx, p) => {
      for (let i = 0; i < p.n; i++) ctx.log.info(`line ${i}`);
      return ActionResult.success({});
    });
    let deliveries = 0;
    ext.onEvent('limits-app.ping')(async () => void deliveries++);
    const platform = new DevPlatform({ dataDir: tmp(), extension: () => ext });
    const runner = new DevRunner(platform, () => ({ ext, id: 1 }), () => ({ createContext, dispatch, runRpcRequest, path: 'src' }), deadlineMs ? { deadlineMs } : {});
    return { ext, platform, runner, deliveries: () => deliveries };
  }

  it('masks secret values in call logs', async () => {
    const { ext, platform, runner } = setup();
    ext.secret({ name: 'api_key', description: 'The upstream API key', scope: 'app' });
    new ChatExtension(ext, { toolName: 'leaky', description: 'leaky' }).function('leak', { description: 'Logs the secret it reads', params: z.object({}) })(async (ctx) => {
      const key = await ctx.secrets.get('api_key');
      ctx.log.info(`using key ${String(key)}`, { key });
      ctx.log.warn('echo sk-live-987654 again');
      return ActionResult.success({});
    });
    platform.platform.vault.write('limits-app', '__app__', 'api_key', 'sk-live-987654');
    runner.useGateway(await platform.start());
    const out = await runner.call('leak', {}, runner.identity);
    expect(out.result.status).toBe('success');
    const logs = runner.logs.filter((l) => l.callId === out.callId);
    expect(logs).toHaveLength(2);
    expect(JSON.stringify(logs)).not.toContain('sk-live-987654');
    expect(logs[0]!.message).toBe('using key [redacted]');
    await platform.close();
  });

  it('answers 504 when a call passes its deadline', async () => {
    const { platform, runner } = setup(100);
    runner.useGateway(await platform.start());
    await expect(runner.call('slow', {}, runner.identity)).rejects.toThrow(HttpError);
    await expect(runner.call('slow', {}, runner.identity)).rejects.toThrow(/within 100 ms/);
    await platform.close();
  });

  it(`keeps at most ${MAX_LOGS} log records`, async () => {
    const { platform, runner } = setup();
    runner.useGateway(await platform.start());
    const out = await runner.call('chatty', { n: MAX_LOGS + 10 }, runner.identity);
    expect(out.result.status).toBe('success');
    expect(runner.logs).toHaveLength(MAX_LOGS);
    expect(runner.logs.at(-1)?.message).toBe(`line ${MAX_LOGS + 9}`);
    await platform.close();
  });

  it(`delivers at most ${MAX_DELIVERIES_PER_SECOND} events a second to the extension (emit loops stop)`, async () => {
    const { platform, runner, deliveries } = setup();
    runner.useGateway(await platform.start());
    const event = { eventType: 'limits-app.ping', data: {}, sourceApp: 'limits-app', userId: 'imp_u_dev', tenantId: 'default', id: '' };
    const results = await Promise.all(Array.from({ length: MAX_DELIVERIES_PER_SECOND + 5 }, () => runner.deliver(event)));
    expect(results.filter(Boolean)).toHaveLength(MAX_DELIVERIES_PER_SECOND);
    expect(deliveries()).toBe(MAX_DELIVERIES_PER_SECOND);
    expect(runner.logs.some((l) => l.level === 'warn' && /emit loop/.test(l.message))).toBe(true);
    await platform.close();
  });
});
