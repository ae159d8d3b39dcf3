/** `ctx.backgroundTask()` hands work to the runner given to `createContext({ backgroundTasks })` (src/context/background.ts). */
import { describe, expect, it } from 'vitest';
import { ActionResult, createContext, ExtensionError, ValidationError } from '../../src/index.js';
import type { BackgroundTask, BackgroundTaskRunner } from '../../src/index.js';

function ctxWith(runner?: BackgroundTaskRunner) {
  return createContext({
    kind: 'chat_fn',
    gatewayUrl: 'http://127.0.0.1:9',
    serviceToken: 'svc',
    identity: { imperalId: 'u1' },
    extension: 'bg-app',
    ...(runner ? { backgroundTasks: runner } : {}),
  });
}

describe('ctx.backgroundTask', () => {
  it('schedules a task with the 5.x caps and returns its id; the work runs only when the runner runs it', async () => {
    const tasks: BackgroundTask[] = [];
    const ctx = ctxWith({ schedule: (t) => void tasks.push(t) });
    let ran = false;
    const id = ctx.backgroundTask(async () => {
      ran = true;
      return ActionResult.success({ n: 1 });
    }, { name: 'audit' });
    const long = ctx.backgroundTask(async () => null, { longRunning: true });
    expect(id).toMatch(/^audit-[0-9a-f-]{36}$/);
    expect(long).toMatch(/^background-/);
    expect(tasks.map((t) => [t.id, t.name, t.longRunning, t.timeoutMs])).toEqual([
      [id, 'audit', false, 180_000],
      [long, 'background', true, 1_800_000],
    ]);
    expect(ran).toBe(false);
    expect(((await tasks[0]!.run(new AbortController().signal)) as ActionResult).data).toEqual({ n: 1 });
    expect(ran).toBe(true);
  });

  it('without a runner it says how to get one; a non-function is a ValidationError', () => {
    expect(() => ctxWith().backgroundTask(async () => null)).toThrow(ExtensionError);
    expect(() => ctxWith().backgroundTask(async () => null)).toThrow(/createContext\(\{ backgroundTasks \}\)/);
    expect(() => ctxWith({ schedule: () => undefined }).backgroundTask('nope' as never)).toThrow(ValidationError);
  });
});
