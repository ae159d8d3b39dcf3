/** Compile-time contract of the typed tester, `returns:`, aliases and config. */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ActionResult, ChatExtension, Extension } from '../../src/index.js';
import type { Context } from '../../src/index.js';
import { createTester } from '../../src/testing/index.js';

const CreateTask = z.object({ title: z.string(), priority: z.number().default(1) });
const TaskRef = z.object({ taskId: z.string() });

const ext = new Extension('typed-app');
const chat = new ChatExtension(ext);

class Tasks {
  @chat.fn('create_task', { description: 'Creates a task for the user.', params: CreateTask, returns: TaskRef })
  static async createTask(_ctx: Context, p: z.infer<typeof CreateTask>) {
    return ActionResult.success({ taskId: p.title });
  }
}

/** The function map: handler types, or `{ params, data }` spelled out (here: the input side, defaults optional). */
type Functions = {
  create_task: typeof Tasks.createTask;
  list_tasks: { params: z.input<typeof CreateTask>; data: { tasks: string[] } };
};

describe('typed tester', () => {
  it('checks names and params against the map and returns the handler’s ActionResult<T>', async () => {
    const t = createTester<Functions>(ext);
    expectTypeOf(await t.call('create_task', { title: 'Milk', priority: 2 })).toEqualTypeOf<ActionResult<{ taskId: string }>>();
    expectTypeOf(await t.call('list_tasks', { title: 'x' })).toEqualTypeOf<ActionResult<{ tasks: string[] }>>();
    // @ts-expect-error — not a function of the map
    await t.call('delete_task', {});
    // @ts-expect-error — title must be a string
    await t.call('create_task', { title: 3, priority: 1 });
  });

  it('infers the map from an Extension<Functions>', async () => {
    const typed = new Extension<Functions>('typed-app2');
    const t = createTester(typed);
    expectTypeOf(await t.call('list_tasks', { title: 'x' })).toEqualTypeOf<ActionResult<{ tasks: string[] }>>();
    // @ts-expect-error — unknown name
    await t.call('nope', {});
  });

  it('an untyped extension keeps the string-named call<T>() form (existing tests compile unchanged)', async () => {
    const t = createTester(ext);
    expectTypeOf(await t.call<{ taskId: string }>('create_task', { title: 'x' })).toEqualTypeOf<ActionResult<{ taskId: string }>>();
    expectTypeOf(await t.call('anything')).toEqualTypeOf<ActionResult<unknown>>();
  });
});

describe('returns: is checked against the handler’s return type', () => {
  it('accepts a matching ActionResult or the data itself, rejects other data', () => {
    chat.fn('ok_result', { description: 'x', returns: TaskRef })(async () => ActionResult.success({ taskId: 'a' }));
    chat.fn('ok_data', { description: 'x', returns: TaskRef })(async () => ({ taskId: 'a' }));
    chat.fn('ok_error', { description: 'x', returns: TaskRef })(async () => ActionResult.error('nope'));
    // @ts-expect-error — taskId must be a string
    chat.fn('bad_result', { description: 'x', returns: TaskRef })(async () => ActionResult.success({ taskId: 1 }));
  });
});

describe('aliases and config', () => {
  it('aliases are keyed by params fields', () => {
    chat.fn('aliased', { description: 'x', params: CreateTask, aliases: { title: ['name'] } });
    // @ts-expect-error — `nope` is not a params field
    chat.fn('aliased_bad', { description: 'x', params: CreateTask, aliases: { nope: ['x'] } });
  });

  it('ctx.config.get<T>() needs no casts', () => {
    chat.fn('cfg', { description: 'x' })(async (ctx) => {
      expectTypeOf(ctx.config.get<number>('limits.max', 10)).toEqualTypeOf<number>();
      expectTypeOf(ctx.config.get<string>('title')).toEqualTypeOf<string | undefined>();
      expectTypeOf(ctx.backgroundTask(async () => ActionResult.success({}))).toEqualTypeOf<string>();
      ctx.log('hello', 'warning');
      ctx.log.warn('hello');
      return ActionResult.success({});
    });
  });
});
