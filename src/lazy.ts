/**
 * Synchronous lazy loading of heavy CommonJS dependencies (undici, ajv,
 * zod-to-json-schema). `import('@imperal/sdk')` must stay light: these load the
 * first time a real request is sent or a schema of theirs is compiled, while the
 * public API stays synchronous where it always was.
 *
 * @module
 */

import { MissingDependencyError } from './errors.js';

// tsup's `shims` give the CommonJS build an `import.meta.url` too.
// No `import` of node:module: a user's ESM bundle of the SDK must not collide with the
// `createRequire` that esbuild's documented banner declares (docs/getting-started.md).
const requireHere = process.getBuiltinModule('node:module').createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

/** Loads `specifier` once (Node's `require`) and returns the cached module afterwards. */
export function loadOnce<T>(specifier: string): T {
  let mod = loaded.get(specifier);
  if (mod === undefined) {
    mod = requireHere(specifier);
    loaded.set(specifier, mod);
  }
  return mod as T;
}

/** undici, loaded when the first real request is made. */
export function undici(): typeof import('undici') {
  return loadOnce<typeof import('undici')>('undici');
}

/**
 * Loads an optional peer dependency once; when it is not installed, throws a
 * {@link MissingDependencyError} saying what needs it and how to install it.
 */
export function loadPeer<T>(specifier: string, neededFor: string): T {
  try {
    return loadOnce<T>(specifier);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
      throw new MissingDependencyError(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!, neededFor);
    }
    throw error;
  }
}
