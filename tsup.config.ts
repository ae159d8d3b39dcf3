import { defineConfig } from 'tsup';

// One build for every public entry point: ESM + CJS, with .d.ts / .d.cts beside each.
// `tsup --env.IMPERAL_NO_DTS 1` (npm run build:js) skips the declarations, which take
// most of the build's time: `npm run example` and `npm run bench` need only the JavaScript.
export default defineConfig((cli) => {
  const dts = String(cli.env?.IMPERAL_NO_DTS ?? process.env.IMPERAL_NO_DTS ?? '') !== '1';
  return [
    {
      entry: {
        index: 'src/index.ts',
        'testing/index': 'src/testing/index.ts',
        'ui/index': 'src/ui/index.ts',
        'vitest/index': 'src/vitest/index.ts',
        'serve/index': 'src/serve/index.ts',
      },
      format: ['esm', 'cjs'],
      dts,
      // No source maps: stack traces point at the shipped, readable files, and the tarball stays small.
      sourcemap: false,
      // `import.meta.url` in the CommonJS build too (lazy loading resolves from it).
      shims: true,
      // A JavaScript-only build keeps the declarations of the last full build.
      clean: dts,
      target: 'node20',
      splitting: true,
      treeshake: true,
      outDir: 'dist',
    },
    {
      // The CLI is an executable: ESM only, with a shebang. Each command is its own
      // chunk in dist/cli/, loaded (with its dependencies) only when it runs. The
      // loader harness runs in a child process; the validator finds it beside the chunks.
      entry: { main: 'src/cli/main.ts', harness: 'src/validator/load/harness.ts' },
      format: ['esm'],
      sourcemap: false,
      target: 'node20',
      outDir: 'dist/cli',
      splitting: true,
      banner: { js: '#!/usr/bin/env node' },
      // init's prompt library (a devDependency) is bundled into the one chunk that imports it,
      // src/cli/init-prompts.ts: ~40 KB there instead of ~185 KB of packages in every
      // production install, and still loaded only when init asks a question.
      noExternal: [/^@clack\//, 'sisteransi', /^fast-(string-width|string-truncated-width|wrap-ansi)$/],
    },
  ];
});
