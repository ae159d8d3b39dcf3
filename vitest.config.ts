import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { imperalDecorators } from './src/vitest/index.js';

const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [imperalDecorators()],
  resolve: {
    // Tests, fixtures and examples import the package by name; run it from source.
    alias: [
      { find: /^@imperal\/sdk$/, replacement: src('index.ts') },
      { find: /^@imperal\/sdk\/testing$/, replacement: src('testing/index.ts') },
      { find: /^@imperal\/sdk\/ui$/, replacement: src('ui/index.ts') },
      { find: /^@imperal\/sdk\/vitest$/, replacement: src('vitest/index.ts') },
    ],
  },
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    // Scratch projects that tests scaffold (with their own tests) are not part of this suite.
    exclude: ['**/node_modules/**', 'test/.tmp/**', '**/.imperal/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The *.test-d.ts type tests run through tsc in test/types/type-tests.test.ts
    // (Vitest's typecheck mode warns that it is experimental on every run).
  },
});
