/**
 * Per-call contexts, the background-task runner and the metrics' bounds.
 */
import { describe, expect, it } from 'vitest';
import { ActionResult } from '../../src/types/action-result.js';
import { createContext } from '../../src/context/factory.js';
import { decodeRequest } from '../../src/rpc/envelope.js';
import { HostBackgroundRunner, type TaskOutcome } from '../../src/serve/background-runner.js';
import { CallContextFactory, contextKindOf } from '../../src/serve/call-context.js';
import { createHostMetrics, OTHER_FUNCTION_LABEL } from '../../src/serve/metrics.js';
import { ext } from './fixtures/wire-ext.js';

const request = (fn: string, userId = 'imp_u_a') =>
  decodeRequest({
    corr_id: 'c'.repeat(16),
    user_id: userId,
    tenant_id: 't',
    email: '',
    role: 'user',
    app_id: 'wire-kinds',
    function: fn,
    reply_list: 'r',
    deadline_ns: 1n,
    submitted_at_ns: 1n,
  }).value;

describe('contextKindOf', () => {
  it.each([
    ['echo', 'imp_u_a', 'chat_fn'],
    ['raw_tool', 'imp_u_a', 'tool'],
    ['unknown_name', 'imp_u_a', 'tool'],
    ['__panel__main', 'imp_u_a', 'panel'],
    ['__widget__counter', 'imp_u_a', 'panel'],
    ['__tray__status', 'imp_u_a', 'panel'],
    ['skeleton_refresh_summary', 'imp_u_a', 'skeleton'],
    ['skeleton_refresh_missing', 'imp_u_a', 'tool'],
    ['__webhook__/open', 'imp_u_a', 'webhook'],
    ['__schedule__nightly', 'imp_u_a', 'system'],
    ['__health__', 'imp_u_a', 'system'],
    ['__event__', 'imp_u_a', 'system'],
    ['echo', '__system__', 'system'],
  ])('%s as %s → %s', (fn, user, kind) => {
    expect(contextKindOf(ext, request(fn, user))).toBe(kind);
  });
});

describe('ctx.backgroundTask', () => {
  it('throws a clear error where nothing runs background tasks', () => {
    const ctx = createContext({ kind: 'chat_fn', gatewayUrl: 'http://127.0.0.1:9', serviceToken: 's', extension: ext, identity: { imperalId: 'u' } });
    expect(() => ctx.backgroundTask(async () => ActionResult.success({}))).toThrow(/needs a host that runs background tasks/);
  });

  it('hands the task to the runner with the 5.x caps and returns its id', () => {
    const seen: Array<{ id: string; name: string; timeoutMs: number; longRunning: boolean }> = [];
    const ctx = createContext({ kind: 'chat_fn', gatewayUrl: 'http://127.0.0.1:9', serviceToken: 's', extension: ext, identity: { imperalId: 'u' }, backgroundTasks: { schedule: (t) => seen.push(t) } });
    const a = ctx.backgroundTask(async () => null);
    const b = ctx.backgroundTask(async () => null, { longRunning: true, name: 'report' });
    expect(seen.map(({ id, name, timeoutMs, longRunning }) => ({ id, name, timeoutMs, longRunning }))).toEqual([
      { id: a, name: 'background', timeoutMs: 180_000, longRunning: false },
      { id: b, name: 'report', timeoutMs: 1_800_000, longRunning: true },
    ]);
    expect(a).not.toBe(b);
  });
});

describe('CallContextFactory scopes', () => {
  it('holds tasks until the reply, starts later ones at once, drops those of an abandoned call', async () => {
    const outcomes: TaskOutcome[] = [];
    const factory = new CallContextFactory({ ext, gatewayUrl: 'http://127.0.0.1:9', serviceToken: 'svc', background: { onOutcome: (o) => outcomes.push(o) } });
    const replied = factory.forCall(request('__health__', '__system__'));
    expect(replied.hasTasks()).toBe(false);
    replied.ctx.backgroundTask(async () => null, { name: 'before' });
    expect(replied.hasTasks()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(outcomes).toEqual([]); // held until the reply is out
    replied.afterReply();
    expect(replied.hasTasks()).toBe(false);
    // A task scheduled after the reply (a promise the handler left running) starts at once.
    replied.ctx.backgroundTask(async () => null, { name: 'after' });
    const abandoned = factory.forCall(request('__health__', '__system__'));
    abandoned.abandon();
    abandoned.ctx.backgroundTask(async () => null, { name: 'dropped' });
    for (let i = 0; i < 100 && outcomes.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 30));
    expect(outcomes.map((o) => o.name).sort()).toEqual(['after', 'before']);
    await factory.close(1000);
  });
});

describe('HostBackgroundRunner', () => {
  const setup = (maxTasks?: number) => {
    const outcomes: TaskOutcome[] = [];
    const delivered: string[] = [];
    const runner = new HostBackgroundRunner({ ...(maxTasks ? { maxTasks } : {}), onOutcome: (o) => outcomes.push(o) });
    const call = runner.forCall({ deliver: async (text) => void delivered.push(text), redact: (t) => t.replaceAll('s3cret', '[redacted]') });
    return { runner, call, outcomes, delivered };
  };
  const task = (id: string, run: (signal: AbortSignal) => Promise<unknown>, timeoutMs = 1_000) => ({ id, name: id, longRunning: false, timeoutMs, run });

  it('holds tasks until the reply is out, then delivers their outcome (secrets masked)', async () => {
    const { runner, call, delivered, outcomes } = setup();
    let started = false;
    call.schedule(task('ok', async () => ((started = true), ActionResult.success({}, { summary: 'done with s3cret' }))));
    call.schedule(task('bad', async () => ActionResult.error('it broke')));
    call.schedule(task('throws', async () => Promise.reject(new Error('boom'))));
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(false);
    call.release();
    await runner.drain(2_000);
    expect(delivered.sort()).toEqual(["Background task 'bad' failed: it broke", "Background task 'throws' failed: boom", 'done with [redacted]']);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['error', 'error', 'success']);
  });

  it('stops a task at its time cap and says so', async () => {
    const { runner, call, delivered } = setup();
    let aborted = false;
    call.schedule(task('slow', (signal) => new Promise((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve(null)))), 50));
    call.release();
    await runner.drain(2_000);
    expect(aborted).toBe(true);
    expect(delivered).toEqual(["Background task 'slow' did not finish within 0.05 s and was stopped."]);
  });

  it('refuses tasks beyond maxTasks; discarded (unreplied) calls free their slots', () => {
    const { runner, call } = setup(2);
    call.schedule(task('a', async () => null));
    call.schedule(task('b', async () => null));
    expect(() => call.schedule(task('c', async () => null))).toThrow(/too many background tasks/);
    call.discard();
    expect(runner.active).toBe(0);
  });

  it('drain aborts tasks still running at its timeout', async () => {
    const { runner, call, outcomes } = setup();
    call.schedule(task('long', (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(null))), 60_000));
    call.release();
    const t0 = Date.now();
    await runner.drain(50);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(outcomes).toHaveLength(1);
    expect(runner.active).toBe(0);
  });
});

describe('metrics', () => {
  it('caps distinct function labels and never counts one call twice', async () => {
    const m = createHostMetrics({ appId: 'x', maxFunctionLabels: 2, processMetrics: false });
    const ok = { status: 'success', error: null } as never;
    for (const fn of ['a', 'b', 'c', 'd']) m.callStarted(fn, 'http')(ok);
    const end = m.callStarted('a', 'redis');
    end(ok);
    end(ok);
    const text = await m.render();
    expect(text).toMatch(/imperal_calls_total\{function="a",transport="http",outcome="success",app_id="x"\} 1/);
    expect(text).toMatch(/imperal_calls_total\{function="a",transport="redis",outcome="success",app_id="x"\} 1/);
    expect(text).toMatch(new RegExp(`imperal_calls_total\\{function="${OTHER_FUNCTION_LABEL}",transport="http",outcome="success",app_id="x"\\} 2`));
    expect(text).not.toContain('function="c"');
    expect(text).toMatch(/imperal_calls_in_flight\{transport="redis",app_id="x"\} 0/);
  });
});
