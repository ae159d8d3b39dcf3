/**
 * One registration, three styles: every `ext.*` / `chat.fn` registration returns a
 * {@link Registrar} that works as a TC39 standard method decorator, as a legacy
 * `experimentalDecorators` method decorator, and as a higher-order function
 * (`chat.fn('greet', opts)(async (ctx, p) => …)`). All three end in the same
 * `register(ref)` call.
 *
 * @module
 */
import { RegistrationError } from '../errors.js';
import { HandlerRef, type AnyFunction, type ZeroArgClass } from './handler-ref.js';

// tsc only fills `context.metadata` when `Symbol.metadata` exists, and esbuild falls
// back to `Symbol.for('Symbol.metadata')`: installing that symbol makes both agree
// on Node versions that lack it. The SDK itself keeps no state in metadata.
(Symbol as { metadata?: symbol }).metadata ??= Symbol.for('Symbol.metadata');

/**
 * What a registration returns: apply it to a function, or use it as a method
 * decorator under either decorator dialect.
 *
 * @typeParam F - the handler signature this registration expects.
 */
export interface Registrar<F extends AnyFunction> {
  /** Higher-order form: registers `fn` and returns it unchanged. */
  <T extends F>(fn: T): T;
  /** TC39 standard method decorator (static or instance method). */
  <T extends F>(value: T, context: ClassMethodDecoratorContext<unknown, T>): void;
  /** Legacy `experimentalDecorators` method decorator. */
  <T extends F>(target: object, propertyKey: string | symbol, descriptor: TypedPropertyDescriptor<T>): void;
}

interface StandardContextLike {
  readonly kind: string;
  readonly name: string | symbol;
  readonly static?: boolean;
  readonly metadata?: object;
  addInitializer?(initializer: (this: unknown) => void): void;
}

function isStandardContext(value: unknown): value is StandardContextLike {
  return typeof value === 'object' && value !== null && typeof (value as StandardContextLike).kind === 'string';
}

/** True for `class` declarations (which can only be called with `new`). */
function isClass(fn: Function): boolean {
  return /^class[\s{]/.test(Function.prototype.toString.call(fn));
}

function fix(subject: string): string {
  return `put ${subject} on a method (static or instance) or call it on a function: ${subject}(async (ctx, ...) => ...)`;
}

const DECORATOR_KINDS = new Set(['method', 'getter', 'setter', 'field', 'accessor', 'class']);

/** True when `args` are what a decorator receives (standard `(value, context)` or legacy `(target, key, descriptor?)`). */
function looksLikeDecoratorArgs(first: unknown, second: unknown): boolean {
  if (isStandardContext(second) && DECORATOR_KINDS.has(second.kind) && 'name' in second) return true;
  const target = (typeof first === 'object' && first !== null) || typeof first === 'function';
  return target && (typeof second === 'string' || typeof second === 'symbol');
}

/**
 * Rejects a registration factory that was used as the decorator itself
 * (`@ext.healthCheck` instead of `@ext.healthCheck()`) or handed the handler
 * directly (`ext.onInstall(fn)`). Call it first in every factory, before any use
 * of `this`: a bare decorator is invoked without a receiver, so the mistake would
 * otherwise surface as `Cannot read properties of undefined`, or (legacy dialect)
 * quietly replace the method with the returned decorator.
 *
 * @param written - the correct form, e.g. `@ext.healthCheck()` or `@ext.panel('<id>', { … })`.
 * @param args - the factory's `arguments`.
 * @throws RegistrationError naming the form to write.
 */
export function requireCalled(written: string, args: ArrayLike<unknown>): void {
  const [first, second] = [args[0], args[1]];
  if (looksLikeDecoratorArgs(first, second)) {
    throw new RegistrationError(
      written,
      'was used as a decorator without being called (it is a factory that returns the decorator)',
      `write \`${written}\` with its parentheses`,
    );
  }
  if (typeof first === 'function') {
    throw new RegistrationError(written, 'was given the handler directly', `write \`${written}\`, then apply it: ${written.slice(1)}(handler)`);
  }
}

/**
 * Builds a {@link Registrar} that hands every decorated or wrapped function to
 * `register` as a {@link HandlerRef}.
 *
 * @param subject - how the registration is named in errors, e.g. `@ext.panel('sidebar')`.
 */
export function registrar<F extends AnyFunction>(subject: string, register: (ref: HandlerRef) => void): Registrar<F> {
  function apply(target: unknown, second?: unknown, descriptor?: unknown): unknown {
    if (isStandardContext(second)) return applyStandard(target, second);
    if (descriptor !== undefined && (typeof second === 'string' || typeof second === 'symbol')) {
      return applyLegacy(target, second, descriptor as PropertyDescriptor);
    }
    if (typeof target === 'function' && second === undefined) {
      // A legacy class decorator has this same one-argument shape.
      if (isClass(target)) throw new RegistrationError(subject, `cannot decorate a class (${target.name})`, fix(subject));
      register(HandlerRef.free(target as AnyFunction));
      return target;
    }
    throw new RegistrationError(subject, 'was applied to something that is not a function or method', fix(subject));
  }

  function applyStandard(value: unknown, context: StandardContextLike): void {
    if (context.kind !== 'method' || typeof value !== 'function') {
      throw new RegistrationError(subject, `cannot decorate a ${context.kind}`, fix(subject));
    }
    const name = String(context.name);
    // Static and instance members of one class share one metadata object.
    const ref = context.static
      ? HandlerRef.staticMethod(value as AnyFunction, name, context.metadata)
      : HandlerRef.instanceMethod(value as AnyFunction, name, context.metadata);
    register(ref);
    // A static initializer runs once, with `this` = the class. Instance methods are
    // bound explicitly with `ext.register()`, the same under both dialects.
    if (context.static) {
      context.addInitializer?.(function (this: unknown) {
        ref.bindClass(this);
      });
    }
  }

  function applyLegacy(target: unknown, key: string | symbol, descriptor: PropertyDescriptor): PropertyDescriptor {
    const fn: unknown = descriptor.value;
    if (typeof fn !== 'function') {
      throw new RegistrationError(subject, `cannot decorate the accessor or field '${String(key)}'`, fix(subject));
    }
    // Legacy decorators get the constructor (static members) or the prototype.
    const isStatic = typeof target === 'function';
    const ctor = (isStatic ? target : (target as { constructor: unknown }).constructor) as ZeroArgClass;
    const ref = isStatic
      ? HandlerRef.staticMethod(fn as AnyFunction, String(key), ctor, ctor)
      : HandlerRef.instanceMethod(fn as AnyFunction, String(key), ctor, ctor.name);
    register(ref);
    return descriptor;
  }

  return apply as unknown as Registrar<F>;
}

/**
 * A registrar that registers no handler: for declarations (`ext.emits`) usable as
 * decorators. `applied` runs each time it is applied (in application order: the
 * decorator nearest the function first, under both dialects and the higher-order form).
 */
export function passthroughRegistrar(applied?: () => void): Registrar<AnyFunction> {
  return ((target: unknown, _second?: unknown, descriptor?: unknown) => {
    applied?.();
    return descriptor ?? (typeof target === 'function' ? target : undefined);
  }) as unknown as Registrar<AnyFunction>;
}
