import { defineConfig } from 'tsup';

// One ES module build for the library's entry points and the CLI together, so they
// share chunks: the CLI carries no second copy of the core (a smaller package, and
// one SDK instance per process whichever way it is reached). scripts/finish-build.mjs
// then writes the CommonJS entries (each `require`s the ES module: Node ≥ 20.19),
// the .d.cts declarations and the CLI's shebang.
//
// `tsup --env.IMPERAL_NO_DTS 1` (npm run build:js) skips the declarations, which take
// most of the build's time: `npm run example` and `npm run bench` need only the JavaScript.
const LIBRARY = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'ui/index': 'src/ui/index.ts',
  'vitest/index': 'src/vitest/index.ts',
  'serve/index': 'src/serve/index.ts',
};

export default defineConfig((cli) => {
  const dts = String(cli.env?.IMPERAL_NO_DTS ?? process.env.IMPERAL_NO_DTS ?? '') !== '1';
  return {
    // The CLI: each command is its own chunk, loaded (with its dependencies) only when
    // it runs. The loader harness runs in a child process; the validator finds it in dist/cli/.
    entry: { ...LIBRARY, 'cli/main': 'src/cli/main.ts', 'cli/harness': 'src/validator/load/harness.ts' },
    format: ['esm'],
    dts: dts ? { entry: LIBRARY } : false,
    // No source maps: stack traces point at the shipped, readable files, and the tarball stays small.
    sourcemap: false,
    // A JavaScript-only build keeps the declarations of the last full build.
    clean: dts,
    target: 'node20',
    splitting: true,
    treeshake: true,
    outDir: 'dist',
    // init's prompt library (a devDependency) is bundled into the one chunk that imports it,
    // src/cli/init-prompts.ts: ~40 KB there instead of ~185 KB of packages in every
    // production install, and still loaded only when init asks a question.
    noExternal: [/^@clack\//, 'sisteransi', /^fast-(string-width|string-truncated-width|wrap-ansi)$/],
  };
});
