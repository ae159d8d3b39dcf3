/**
 * The `@chat.function(...)` trap: esbuild (and so tsup, Vitest with our plugin and
 * most loaders) rejects a reserved word after the dot in a standard decorator,
 * although tsc accepts it. Every tool that meets the error explains it the same way.
 *
 * @module
 */

const RESERVED_DECORATOR = /@\s*([\w$]+(?:\.[\w$]+)*)\.function\s*\(/;

/** What to do instead. */
export const RESERVED_DECORATOR_FIX = 'Write @chat.fn(...) instead — the same decorator under a name every parser accepts';

/** The receiver (`chat`) when `lineText` uses `@<receiver>.function(` in decorator position, else `undefined`. */
export function reservedDecoratorReceiver(lineText: string): string | undefined {
  return RESERVED_DECORATOR.exec(lineText)?.[1];
}
