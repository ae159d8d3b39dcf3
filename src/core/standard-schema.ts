/**
 * The Standard Schema interfaces (https://standardschema.dev), declared here so the
 * SDK's public types need no extra package. Only the members we read are listed.
 *
 * @module
 */

/** A path segment of a Standard Schema issue. */
export type StandardPathSegment = PropertyKey | { readonly key: PropertyKey };

/** One validation problem reported by a Standard Schema. */
export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly StandardPathSegment[] | undefined;
}

/** The result of `~standard.validate`. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] };

/** Converts a schema to JSON Schema (Standard JSON Schema). */
export interface StandardJsonSchemaConverter {
  readonly input: (options: { readonly target: string }) => Record<string, unknown>;
  readonly output: (options: { readonly target: string }) => Record<string, unknown>;
}

/** A schema implementing Standard Schema v1 (zod ≥ 3.24, valibot, arktype …). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    /** Present on schemas that also implement Standard JSON Schema (zod ≥ 4.2, arktype, valibot adapter). */
    readonly jsonSchema?: StandardJsonSchemaConverter;
  };
}

/** The type a Standard Schema accepts. */
export type InferSchemaInput<S> = S extends StandardSchemaV1<infer I, unknown> ? I : unknown;
/** The type a Standard Schema produces after parsing (defaults and transforms applied). */
export type InferSchemaOutput<S> = S extends StandardSchemaV1<unknown, infer O> ? O : unknown;
