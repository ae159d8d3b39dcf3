import { defineConfig } from 'vitest/config';
import { imperalDecorators } from '@imperal/sdk/vitest';

// Vitest ≥ 4.1 leaves standard decorators untranslated; the SDK's plugin lowers them.
export default defineConfig({ plugins: [imperalDecorators()] });
