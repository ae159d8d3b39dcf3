import { defineConfig } from 'tsup';

// One build for every public entry point: ESM + CJS, with .d.ts / .d.cts beside each.
// `npm run build:fast` (`tsup --env.IMPERAL_DTS off`) skips the declarations, the
// slow part, for runs that only execute the code (the README's `npm run example`).
export default defineConfig((cli) => [
  {
    entry: {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'ui/index': 'src/ui/index.ts',
      'vitest/index': 'src/vitest/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: cli.env?.IMPERAL_DTS !== 'off',
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
    outDir: 'dist',
  },
  {
    // The CLI is an executable: ESM only, with a shebang.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
