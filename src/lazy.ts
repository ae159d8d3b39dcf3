/**
 * Synchronous lazy loading of heavy CommonJS dependencies (undici, ajv,
 * zod-to-json-schema). `import('@imperal/sdk')` must stay light: these load the
 * first time a real request is sent or a schema of theirs is compiled, while the
 * public API stays synchronous where it always was.
 *
 * @module
 */
import { createRequire } from 'node:module';

// tsup's `shims` give the CommonJS build an `import.meta.url` too.
const requireHere = createRequire(import.meta.url);
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
