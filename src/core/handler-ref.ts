/**
 * How a registered handler is called: a free function, a static method (bound to
 * its class) or an instance method (bound to a registered, lazily constructed or
 * first-constructed instance).
 *
 * @module
 */
import { RegistrationError } from '../errors.js';

/** Any function; handler signatures are checked where they are registered. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFunction = (...args: any[]) => any;

/** A class with a zero-argument constructor. */
export type ZeroArgClass = new () => object;

type Binding =
  | { readonly kind: 'free' }
  | { readonly kind: 'static'; self: unknown }
  | { readonly kind: 'instance'; self: object | undefined; explicit: boolean; construct: (() => object) | undefined };

/** A registered handler and the `this` it is called with. */
export class HandlerRef {
  /** The function as written. */
  readonly fn: AnyFunction;
  /** Its name (method name for methods), used in messages and the manifest. */
  readonly name: string;
  /** Class name for methods (for messages), `''` for free functions. */
  readonly owner: string;
  /**
   * Identifies the class a method belongs to (the class under legacy decorators, the
   * shared decorator metadata object under standard ones); `undefined` for functions.
   */
  readonly classKey: object | undefined;
  readonly #binding: Binding;

  private constructor(fn: AnyFunction, name: string, owner: string, classKey: object | undefined, binding: Binding) {
    this.fn = fn;
    this.name = name;
    this.owner = owner;
    this.classKey = classKey;
    this.#binding = binding;
  }

  /** A plain function (higher-order registration). */
  static free(fn: AnyFunction): HandlerRef {
    return new HandlerRef(fn, fn.name, '', undefined, { kind: 'free' });
  }

  /** A static method; `self` is the class when known (legacy decorators), else bound later. */
  static staticMethod(fn: AnyFunction, name: string, classKey: object | undefined, self?: unknown): HandlerRef {
    const owner = typeof self === 'function' ? self.name : '';
    return new HandlerRef(fn, name, owner, classKey, { kind: 'static', self });
  }

  /**
   * An instance method: called on the instance `ext.register()` binds (an instance,
   * or one built from a zero-argument class). `ctorName` names the class in messages.
   */
  static instanceMethod(fn: AnyFunction, name: string, classKey: object | undefined, ctorName = ''): HandlerRef {
    return new HandlerRef(fn, name, ctorName, classKey, { kind: 'instance', self: undefined, explicit: false, construct: undefined });
  }

  /** True for static methods. */
  get isStatic(): boolean {
    return this.#binding.kind === 'static';
  }

  /** True for instance methods (the ones `ext.register()` binds). */
  get isInstanceMethod(): boolean {
    return this.#binding.kind === 'instance';
  }

  /** Called by a static method's decorator initializer: binds `this` to the class. */
  bindClass(cls: unknown): void {
    const binding = this.#binding;
    if (binding.kind === 'static') binding.self ??= cls;
  }

  /** False for an instance method nothing has bound yet (calling it would fail). */
  get isBound(): boolean {
    const binding = this.#binding;
    return binding.kind !== 'instance' || binding.self !== undefined || binding.construct !== undefined;
  }

  /** Binds an instance method to `instance` (from `ext.register`); wins over any default. */
  bindInstance(instance: object): void {
    const binding = this.#binding;
    if (binding.kind !== 'instance') return;
    binding.self = instance;
    binding.explicit = true;
  }

  /** Binds an instance method to an instance built on first call by `construct`. */
  bindFactory(construct: () => object): void {
    const binding = this.#binding;
    if (binding.kind !== 'instance' || binding.explicit) return;
    binding.construct = construct;
    binding.self = undefined;
  }

  /** Calls the handler with its bound `this`. */
  call(...args: unknown[]): unknown {
    return this.fn.apply(this.#self(), args);
  }

  #self(): unknown {
    const binding = this.#binding;
    if (binding.kind === 'free') return undefined;
    if (binding.kind === 'static') return binding.self;
    if (binding.self === undefined && binding.construct) binding.self = binding.construct();
    if (binding.self === undefined) {
      const where = this.owner ? `${this.owner}.${this.name}` : this.name;
      throw new RegistrationError(
        `handler '${where}'`,
        'is an instance method and no instance is bound',
        `call ext.register(new ${this.owner || 'YourClass'}(...)) (or ext.register(${this.owner || 'YourClass'}) for a zero-argument constructor), or make the method static`,
      );
    }
    return binding.self;
  }
}
