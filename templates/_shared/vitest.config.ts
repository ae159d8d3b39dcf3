import { defineConfig } from 'vitest/config';
import { imperalDecorators } from '@imperal/sdk/vitest';

// Vitest 4.1 leaves TC39 decorators untranslated; this plugin lowers them with esbuild.
export default defineConfig({
  plugins: [imperalDecorators()],
  test: { include: ['test/**/*.test.ts'] },
});
