/**
 * The part of an `Extension` the context needs (cache models, declared secrets,
 * the app id), typed structurally so `src/context` does not depend on `src/core`.
 *
 * @module
 */

/** A Standard Schema (zod 4, Valibot, ArkType…): just the validation entry point. */
export interface StandardSchemaLike<Output = unknown> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    validate(value: unknown): StandardSchemaLikeResult<Output> | Promise<StandardSchemaLikeResult<Output>>;
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
  };
}

/** The outcome of a Standard Schema validation (as the context reads it). */
export type StandardSchemaLikeResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<{ readonly message: string; readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined }> };

/** The output type of a Standard Schema. */
export type SchemaOutput<S> = S extends StandardSchemaLike<infer O> ? O : unknown;

/** A registered cache model (`ext.cacheModel(name, schema)`). */
export interface CacheModelLike {
  readonly name: string;
  readonly schema: unknown;
}

/** A declared secret (`ext.secret({...})`). */
export interface SecretDeclarationLike {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly writeMode: 'user' | 'extension' | 'both';
  readonly maxBytes: number;
  readonly rotationHintDays?: number | undefined;
  readonly scope: 'user' | 'app';
  readonly envFallback?: string | undefined;
}

/** What the context reads from an Extension. */
export interface ExtensionLike {
  readonly appId: string;
  readonly registry: {
    readonly cacheModels: ReadonlyMap<string, CacheModelLike>;
    readonly secrets: ReadonlyMap<string, SecretDeclarationLike>;
  };
}

/** An extension with nothing registered, for contexts built from an app id alone. */
export function bareExtension(appId: string): ExtensionLike {
  return { appId, registry: { cacheModels: new Map(), secrets: new Map() } };
}
