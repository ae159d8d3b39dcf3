/**
 * One registration, three styles: standard decorators (this file is lowered by our
 * vitest plugin in standard mode), legacy decorators (applied by hand with the
 * legacy call shape) and the higher-order form — all feeding the same registry.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionResult, ChatExtension, Extension, RegistrationError, dispatch } from '../../src/index.js';
import type { Context } from '../../src/index.js';

const ctx = {} as Context;

function setup() {
  const ext = new Extension('styles-test', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'styles' });
  return { ext, chat };
}

describe('registration styles', () => {
  it('standard decorator on a static method registers it and binds `this` to the class', async () => {
    const { ext, chat } = setup();
    class Tasks {
      static prefix = 'static:';
      @chat.fn('greet', { description: 'Greets someone by name, politely.', params: z.object({ name: z.string() }) })
      static async greet(_ctx: Context, p: { name: string }) {
        return ActionResult.success({ text: `${this.prefix}${p.name}` });
      }
    }
    expect(ext.registry.functions.get('greet')?.handler.name).toBe('greet');
    const out = await dispatch(ext, { kind: 'function', name: 'greet', params: { name: 'Ada' } }, ctx);
    expect(out.data).toEqual({ text: 'static:Ada' });
    expect(Tasks.greet).toBeTypeOf('function');
  });

  it('standard decorator on an instance method binds to the first instance constructed', async () => {
    const { ext, chat } = setup();
    class Counter {
      constructor(private readonly label = 'first') {}
      @chat.fn('which', { description: 'Returns which instance handled it.' })
      async which() {
        return { label: this.label };
      }
    }
    const before = await dispatch(ext, { kind: 'function', name: 'which' }, ctx);
    expect(before.status).toBe('error');
    expect(before.error).toContain('ext.register');
    new Counter('first');
    new Counter('second');
    expect((await dispatch(ext, { kind: 'function', name: 'which' }, ctx)).data).toEqual({ label: 'first' });
    ext.register(new Counter('explicit'));
    expect((await dispatch(ext, { kind: 'function', name: 'which' }, ctx)).data).toEqual({ label: 'explicit' });
  });

  it('ext.register(Class) constructs a zero-argument class once, lazily', async () => {
    const { ext, chat } = setup();
    let constructed = 0;
    class Lazy {
      n = ++constructed;
      @chat.fn('lazy', { description: 'Reports its instance number.' })
      async lazy() {
        return { n: this.n };
      }
      @chat.fn('lazy2', { description: 'Reports its instance number too.' })
      async lazy2() {
        return { n: this.n };
      }
    }
    expect(ext.register(Lazy)).toBe(2);
    expect(constructed).toBe(0);
    await dispatch(ext, { kind: 'function', name: 'lazy' }, ctx);
    const second = await dispatch(ext, { kind: 'function', name: 'lazy2' }, ctx);
    expect(constructed).toBe(1);
    expect(second.data).toEqual({ n: 1 });
  });

  it('legacy decorator call shapes register static and instance methods', async () => {
    const { ext, chat } = setup();
    class Legacy {
      static tag = 'L';
      value = 'inst';
      static async s() {
        return { tag: this.tag };
      }
      async i() {
        return { value: this.value };
      }
    }
    const staticDescriptor = Object.getOwnPropertyDescriptor(Legacy, 's')!;
    const returned = (chat.fn('legacy_static', { description: 'A legacy static method.' }) as Function)(Legacy, 's', staticDescriptor);
    expect(returned).toBe(staticDescriptor);
    (chat.fn('legacy_instance', { description: 'A legacy instance method.' }) as Function)(
      Legacy.prototype,
      'i',
      Object.getOwnPropertyDescriptor(Legacy.prototype, 'i')!,
    );
    expect((await dispatch(ext, { kind: 'function', name: 'legacy_static' }, ctx)).data).toEqual({ tag: 'L' });
    // The legacy decorator knows the class, so a zero-argument instance is built on demand.
    expect((await dispatch(ext, { kind: 'function', name: 'legacy_instance' }, ctx)).data).toEqual({ value: 'inst' });
  });

  it('higher-order form registers a plain function and returns it unchanged', async () => {
    const { ext, chat } = setup();
    const handler = async (_c: Context, p: { n: number }) => ActionResult.success({ doubled: p.n * 2 });
    const returned = chat.function('double', { description: 'Doubles a number for you.', params: z.object({ n: z.number() }) })(handler);
    expect(returned).toBe(handler);
    expect((await dispatch(ext, { kind: 'function', name: 'double', params: { n: 21 } }, ctx)).data).toEqual({ doubled: 42 });
  });

  it("a subclass's registrations never leak into its parent", async () => {
    const { ext, chat } = setup();
    class Base {
      who = 'base';
      @chat.fn('base_fn', { description: 'Defined on the base class.' })
      async baseFn() {
        return { who: this.who };
      }
    }
    class Child extends Base {
      override who = 'child';
      @chat.fn('child_fn', { description: 'Defined on the child class.' })
      async childFn() {
        return { who: this.who };
      }
    }
    // Binding a Base instance binds only Base's method.
    expect(ext.register(new Base())).toBe(1);
    expect((await dispatch(ext, { kind: 'function', name: 'base_fn' }, ctx)).data).toEqual({ who: 'base' });
    expect(Object.getOwnPropertyNames(Base.prototype)).not.toContain('childFn');
    // A Child instance binds its own method and the inherited one.
    expect(ext.register(new Child())).toBe(2);
    expect((await dispatch(ext, { kind: 'function', name: 'child_fn' }, ctx)).data).toEqual({ who: 'child' });
    // Two extensions never see each other's registrations.
    const other = setup();
    expect(other.ext.registry.functions.size).toBe(0);
  });

  it('registering an object with no decorated methods is an error that says so', () => {
    const { ext } = setup();
    expect(() => ext.register({})).toThrow(RegistrationError);
    expect(() => ext.register({})).toThrow(/no decorated instance methods/);
  });

  it('decorating a field or getter is rejected with the fix', () => {
    const { chat } = setup();
    const decorator = chat.fn('bad', { description: 'Never registered at all.' }) as Function;
    expect(() => decorator(undefined, { kind: 'field', name: 'x' })).toThrow(/cannot decorate a field/);
    expect(() => decorator(42)).toThrow(/not a function/);
  });

  it('chat.function is the same registration as chat.fn', () => {
    const { ext, chat } = setup();
    chat.function('via_alias', { description: 'Registered through the alias.' })(async () => ({}));
    expect(ext.registry.functions.get('via_alias')?.ownerChatTool).toBe('styles');
  });
});
