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

  it('an instance method runs on the instance ext.register() binds, and says how to bind it until then', async () => {
    const { ext, chat } = setup();
    class Counter {
      constructor(private readonly label = 'first') {}
      @chat.fn('which', { description: 'Returns which instance handled it.' })
      async which() {
        return { label: this.label };
      }
    }
    // Constructing an instance does not bind it: binding is explicit, the same in both dialects.
    new Counter('constructed');
    expect(ext.registry.functions.get('which')?.handler.isBound).toBe(false);
    const before = await dispatch(ext, { kind: 'function', name: 'which' }, ctx);
    expect(before).toMatchObject({ status: 'error', error_code: 'REGISTRATION_ERROR' });
    expect(before.error).toContain('ext.register(new YourClass(...))');
    ext.register(new Counter('explicit'));
    expect(ext.registry.functions.get('which')?.handler.isBound).toBe(true);
    expect((await dispatch(ext, { kind: 'function', name: 'which' }, ctx)).data).toEqual({ label: 'explicit' });
    // A registered instance wins over a later zero-argument class registration.
    ext.register(Counter);
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
    // Instance methods need a binding under legacy decorators too; the message names the class.
    const unbound = await dispatch(ext, { kind: 'function', name: 'legacy_instance' }, ctx);
    expect(unbound.error).toContain('ext.register(new Legacy(...))');
    ext.register(Legacy);
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

  it('decorating a field, getter or class is rejected with the fix', () => {
    const { ext, chat } = setup();
    const decorator = chat.fn('bad', { description: 'Never registered at all.' }) as Function;
    expect(() => decorator(undefined, { kind: 'field', name: 'x' })).toThrow(/cannot decorate a field/);
    expect(() => decorator(class K {}, { kind: 'class', name: 'K' })).toThrow(/cannot decorate a class/);
    expect(() => decorator(42)).toThrow(/not a function/);
    // A legacy class decorator is a one-argument call, like the higher-order form.
    expect(() => (ext.tool('klass') as Function)(class K {})).toThrow(/cannot decorate a class \(K\)/);
    expect(ext.registry.tools.has('klass')).toBe(false);
  });

  it('chat.function is the same registration as chat.fn', () => {
    const { ext, chat } = setup();
    chat.function('via_alias', { description: 'Registered through the alias.' })(async () => ({}));
    expect(ext.registry.functions.get('via_alias')?.ownerChatTool).toBe('styles');
  });
});
