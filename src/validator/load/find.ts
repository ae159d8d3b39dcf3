/**
 * Picks the extension out of an imported module.
 *
 * @module
 */

/** What the validator needs from an `Extension`, matched by shape (see {@link isExtensionLike}). */
export interface ExtensionLike {
  readonly appId: string;
  readonly registry: object;
  manifest(options?: { baseDir?: string }): unknown;
  readonly version?: string;
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * Whether `value` is an extension. `instanceof` is not enough: the user's
 * project may hold a different copy of the SDK than the CLI, so any object
 * with `appId`, `registry` and `manifest()` counts.
 */
export function isExtensionLike(value: unknown): value is ExtensionLike {
  const v = value as Partial<ExtensionLike> | null;
  return typeof v === 'object' && v !== null && typeof v.appId === 'string' && typeof v.registry === 'object' && v.registry !== null && typeof v.manifest === 'function';
}

/** The export named `ext`, else the first exported extension (namespace order), else `undefined`. */
export function findExtension(namespace: Readonly<Record<string, unknown>>): ExtensionLike | undefined {
  if (isExtensionLike(namespace.ext)) return namespace.ext;
  for (const value of Object.values(namespace)) if (isExtensionLike(value)) return value;
  const fallback = namespace.default;
  return isExtensionLike(fallback) ? fallback : undefined;
}
