import { defineConfig } from 'vitest/config';
import { imperalDecorators } from './src/vitest/index.js';

export default defineConfig({
  plugins: [imperalDecorators()],
  test: {
    include: ['test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './test/tsconfig.json' },
  },
});
