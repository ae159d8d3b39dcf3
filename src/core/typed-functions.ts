/**
 * Compile-time descriptions of chat functions: what a caller passes (the input
 * side of the params schema) and what a successful result carries. The typed
 * tester (`createTester<Functions>(ext)`) checks names, params and result data
 * against a {@link FunctionMap}.
 *
 * @module
 */
import type { z } from 'zod';
import type { ActionResult } from '../types/action-result.js';
import type { RawShape, SchemaLike } from './schema.js';
import type { InferSchemaInput as StandardInput, InferSchemaOutput } from './standard-schema.js';

/** What a caller passes for schema `S` (defaults optional, before transforms). */
export type InferSchemaInput<S> = [S] extends [undefined]
  ? Record<string, unknown>
  : S extends { readonly '~standard': unknown }
    ? StandardInput<S>
    : S extends RawShape
      ? z.input<z.ZodObject<S>>
      : Record<string, unknown>;

/** What `returns: R` lets a handler return: an `ActionResult` of its data (or the data itself). */
export type ReturnsOf<R extends SchemaLike | undefined> = [R] extends [undefined] ? unknown : ActionResult<DataOfSchema<R>> | DataOfSchema<R>;

/** The data type a returns schema describes. */
type DataOfSchema<R> = R extends { readonly '~standard': unknown } ? InferSchemaOutput<R> : R extends RawShape ? z.output<z.ZodObject<R>> : unknown;

/**
 * One chat function as the typed tester sees it: its handler's type
 * (`typeof Tasks.createTask`), or `{ params, data }` spelled out.
 */
export type FunctionEntry = ((ctx: never, params: never) => unknown) | { readonly params: unknown; readonly data: unknown };

/** Chat function names to their {@link FunctionEntry}. */
export type FunctionMap = { readonly [name: string]: FunctionEntry };

/** The map of an extension that declared none: any name, any params. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- `any` keeps every Extension<F> assignable to Extension
export type UntypedFunctions = { readonly [name: string]: any };

/** True when `M` names its functions (is not {@link UntypedFunctions}). */
export type IsTyped<M> = string extends keyof M ? false : true;

/** The params a caller passes to entry `E`. */
export type EntryParams<E> = E extends { readonly params: infer P } ? P : E extends (ctx: never, params: infer P) => unknown ? P : unknown;

/** The `data` of a successful result of entry `E`. */
export type EntryData<E> = E extends { readonly data: infer D }
  ? D
  : E extends (...args: never[]) => infer R
    ? DataOfReturn<Awaited<R>>
    : unknown;

/** A handler's return value as result data (the dispatcher wraps plain data; nothing is `{}`). */
type DataOfReturn<R> = R extends ActionResult<infer T> ? T : R extends undefined | null | void ? Record<string, never> : R;
