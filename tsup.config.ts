import { defineConfig } from 'tsup';

// One build for every public entry point: ESM + CJS, with .d.ts / .d.cts beside each.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'ui/index': 'src/ui/index.ts',
      'vitest/index': 'src/vitest/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: true,
    treeshake: true,
    outDir: 'dist',
  },
  {
    // The CLI is an executable: ESM only, with a shebang.
    entry: { main: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    outDir: 'dist/cli',
    // Each command is its own chunk, loaded when it runs (see src/cli/main.ts).
    splitting: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
