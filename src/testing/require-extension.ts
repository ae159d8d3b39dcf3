/**
 * The first thing `createTester` checks: that it was given an Extension. The
 * usual cause of anything else is an import that found nothing (`ext` not
 * exported, or exported under another name), which would otherwise surface
 * later as `Cannot read properties of undefined` inside the dispatcher.
 *
 * @module
 */
import { RegistrationError } from '../errors.js';
import type { Extension } from '../core/extension.js';

/** Duck-typed, so an Extension from another copy of the SDK (ESM next to CJS) still counts. */
function isExtensionLike(value: unknown): value is Extension {
  return typeof value === 'object' && value !== null && typeof (value as Extension).manifest === 'function' && 'registry' in value;
}

/** How `value` reads in the message: `undefined`, `null`, `a string`, `an object with keys a, b`. */
function describe(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  const keys = Object.keys(value);
  return keys.length ? `an object with keys ${keys.slice(0, 8).join(', ')}` : 'an empty object';
}

/**
 * Throws unless `value` is an Extension, naming the likely cause and the fix.
 *
 * @param caller - the call being checked, e.g. `createTester(ext)`.
 * @throws RegistrationError when `value` is not an Extension.
 */
export function requireExtension(value: unknown, caller: string): asserts value is Extension {
  if (isExtensionLike(value)) return;
  // A module namespace passed whole (`createTester(await import('../src/index.js'))`): point at its Extension export.
  if (typeof value === 'object' && value !== null) {
    const found = Object.entries(value).find(([, v]) => isExtensionLike(v));
    if (found) throw new RegistrationError(caller, `got a module, not its Extension`, `pass the export itself: createTester(mod.${found[0]})`);
  }
  throw new RegistrationError(
    caller,
    `expected an Extension, got ${describe(value)}`,
    "is `ext` exported from your extension's module? Write `export const ext = new Extension('<app-id>', { … })` there and import it by that name: `import { ext } from '../src/index.js'`",
  );
}
