/**
 * The one message the loader's child process sends back (JSON over IPC).
 *
 * @module
 */

/** Something thrown while loading, described without trusting it (see `describeThrown`). */
export interface ChildError {
  readonly name?: string;
  readonly message?: string;
  /** For values that are not errors (`throw null`, `throw 'x'`, objects without a message). */
  readonly thrown?: string;
  readonly stack?: string;
  /** RegistrationError fields, when present. */
  readonly subject?: string;
  readonly fix?: string;
  readonly rule?: string;
}

/** What the child reports. */
export type ChildMessage =
  | {
      readonly kind: 'loaded';
      readonly appId: string;
      readonly version?: string;
      readonly options: Record<string, unknown>;
      /** Registry collections as plain JSON (Maps as arrays of records). */
      readonly registry: Record<string, unknown>;
      /** `ext.manifest()` as JSON, or why it failed. */
      readonly manifest?: unknown;
      readonly manifestError?: ChildError;
    }
  | { readonly kind: 'no-extension'; readonly exports: readonly string[] }
  | { readonly kind: 'threw'; readonly error: ChildError }
  | { readonly kind: 'exit-called'; readonly code: string; readonly stack?: string };
