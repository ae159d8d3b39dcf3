/** Compile-time contract of the registration API: params are inferred, wrong handlers do not compile. */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { ActionResult, ChatExtension, Extension } from '../../src/index.js';
import type { ChatContext, Context, Event, SystemContext, WebhookRequest } from '../../src/index.js';

const ext = new Extension('types-test');
const chat = new ChatExtension(ext);
const Params = z.object({ title: z.string(), qty: z.number().default(1) });

describe('registration types', () => {
  it('infers the parsed params type (defaults applied) for higher-order handlers', () => {
    chat.fn('create', { description: 'x', params: Params })(async (ctx, p) => {
      expectTypeOf(ctx).toEqualTypeOf<ChatContext>();
      expectTypeOf(p).toEqualTypeOf<{ title: string; qty: number }>();
      return ActionResult.success({ id: p.title });
    });
    ext.tool('t', { params: { n: z.number() } })(async (_ctx, p) => {
      expectTypeOf(p).toEqualTypeOf<{ n: number }>();
    });
  });

  it('returns the wrapped function unchanged', () => {
    const handler = async (_ctx: Context, p: { title: string; qty: number }) => p.qty;
    expectTypeOf(chat.fn('same', { description: 'x', params: Params })(handler)).toEqualTypeOf(handler);
  });

  it('rejects handlers whose params do not match the schema', () => {
    // @ts-expect-error — `title` is a string, not a number
    chat.fn('bad', { description: 'x', params: Params })(async (_ctx: Context, _p: { title: number }) => null);
  });

  it('rejects unknown option names and wrong option values', () => {
    // @ts-expect-error — actionType is read | write | destructive
    chat.fn('bad_action', { description: 'x', actionType: 'delete' });
    // @ts-expect-error — slot must be a known panel slot
    ext.panel('p', { slot: 'main' });
    // @ts-expect-error — description is required for chat functions
    chat.fn('no_description', {});
  });

  it('types each handler kind with its own arguments', () => {
    ext.schedule('s', '@daily')(async (ctx) => expectTypeOf(ctx).toEqualTypeOf<SystemContext>());
    ext.webhook('/w')(async (_ctx, request) => expectTypeOf(request).toEqualTypeOf<WebhookRequest>());
    ext.onEvent('a.b')(async (_ctx, event) => expectTypeOf(event).toEqualTypeOf<Event>());
    ext.onUpgrade('2.0.0')(async (_ctx, info) => expectTypeOf(info.fromVersion).toEqualTypeOf<string | undefined>());
  });

  it('works as a decorator on static and instance methods', () => {
    class Tasks {
      @chat.fn('deco_static', { description: 'x', params: Params })
      static async create(_ctx: Context, p: z.infer<typeof Params>) {
        return ActionResult.success(p);
      }

      @ext.panel('deco_panel', { slot: 'left' })
      async sidebar(_ctx: Context) {
        return null;
      }
    }
    expectTypeOf(Tasks.create).toBeFunction();
  });
});
