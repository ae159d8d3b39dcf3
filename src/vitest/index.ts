/**
 * `@imperal/sdk/vitest`: lets an extension that uses TC39 standard decorators run
 * under Vitest ≥ 4.1.
 *
 * Vitest 4.1 (Vite 8, Oxc) passes standard decorators through untranslated, and
 * Node cannot run `@decorator` syntax yet. This plugin lowers decorators with
 * esbuild before Vite's own transform, for TypeScript files that contain one.
 *
 * @example
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { imperalDecorators } from '@imperal/sdk/vitest';
 * export default defineConfig({ plugins: [imperalDecorators()] });
 *
 * @module
 */
import type { TransformFailure } from 'esbuild';
import { RESERVED_DECORATOR_FIX, reservedDecoratorReceiver } from '../core/reserved-decorator.js';

/** Options of {@link imperalDecorators}. */
export interface ImperalDecoratorsOptions {
  /**
   * `standard` (TC39 decorators, the TypeScript ≥ 5 default) or `legacy`
   * (`experimentalDecorators: true` in tsconfig). Default `standard`.
   */
  decorators?: 'standard' | 'legacy';
  /** Which files to lower (default: `.ts`, `.tsx`, `.mts`, `.cts` outside node_modules). */
  include?: RegExp;
}

/** The subset of a Vite plugin this plugin implements (keeps Vite out of our dependencies). */
export interface ImperalVitePlugin {
  name: string;
  enforce: 'pre';
  transform(code: string, id: string): Promise<{ code: string; map: string } | null>;
}

const TS_FILE = /\.(?:[cm]?ts|tsx)$/;
// A cheap pre-filter: `@name` at the start of a token. A false positive only costs one esbuild pass.
const DECORATOR = /(?:^|[\s(])@[A-Za-z_$]/m;

/** A Vite/Vitest plugin that lowers decorators in TypeScript files with esbuild. */
export function imperalDecorators(options: ImperalDecoratorsOptions = {}): ImperalVitePlugin {
  const include = options.include ?? TS_FILE;
  const experimentalDecorators = options.decorators === 'legacy';
  return {
    name: 'imperal:decorators',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?', 1)[0] ?? id;
      if (file.includes('/node_modules/') || !include.test(file) || !DECORATOR.test(code)) return null;
      try {
        // esbuild (always present beside Vitest) loads on the first file that needs it.
        const { transform } = await import('esbuild');
        const result = await transform(code, {
          loader: file.endsWith('x') ? 'tsx' : 'ts',
          target: 'es2022',
          format: 'esm',
          sourcemap: 'external',
          sourcefile: file,
          tsconfigRaw: { compilerOptions: { experimentalDecorators, useDefineForClassFields: true, verbatimModuleSyntax: false } },
        });
        return { code: result.code, map: result.map };
      } catch (error) {
        throw explainFailure(error, file);
      }
    },
  };
}

/** Adds the `@chat.fn` fix to esbuild's error when the failure is the reserved-word decorator trap. */
function explainFailure(error: unknown, file: string): unknown {
  const failure = error as Partial<TransformFailure>;
  const hit = failure.errors?.find((e) => e.location && reservedDecoratorReceiver(e.location.lineText));
  if (!hit?.location) return error;
  const receiver = reservedDecoratorReceiver(hit.location.lineText);
  return new SyntaxError(
    `${file}:${hit.location.line}: '@${receiver}.function(' cannot be compiled: esbuild rejects a reserved word after the dot in a standard decorator. ${RESERVED_DECORATOR_FIX}.`,
    { cause: error },
  );
}
