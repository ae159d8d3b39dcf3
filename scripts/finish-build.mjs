/**
 * Runs after tsup (`npm run build`, `npm run build:js`, the test suite's setup):
 *
 * - the CommonJS entries: `dist/<entry>.cjs` requires the ES module beside it
 *   (require(esm), unflagged since Node 20.19, our minimum). One copy of the code
 *   serves both module systems, so there is no dual-package hazard (`instanceof`
 *   across two copies) and the package ships the code once;
 * - the declarations, once: tsup's `.d.ts` files become `.d.cts` (relative imports
 *   pointing at `.cjs`), and each entry's `.d.ts` re-exports its `.d.cts`;
 * - the CLI's shebang and executable bit.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const ENTRIES = ['index', 'testing/index', 'ui/index', 'vitest/index', 'serve/index'];

for (const entry of ENTRIES) {
  const file = join(dist, `${entry}.js`);
  if (!existsSync(file)) throw new Error(`finish-build: ${relative(process.cwd(), file)} is missing (run tsup first)`);
  const name = entry.split('/').at(-1);
  writeFileSync(
    join(dist, `${entry}.cjs`),
    `'use strict';\n// The ES module itself (require(esm), Node >= 20.19): one copy of the SDK for both module systems.\nmodule.exports = require('./${name}.js');\n`,
  );
}

/** Every `.d.ts` under `dir` that tsup wrote (not the entry re-exports written below). */
function declarations(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? declarations(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}
const ENTRY_REEXPORT = /^export \* from '\.\/index\.cjs';\n$/;
// `from './x.js'`, `import('./x.js')` and the side-effect `import './x.js'`.
const RELATIVE_JS = /(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\.js\2/g;
const written = declarations(dist).filter((file) => !ENTRY_REEXPORT.test(readFileSync(file, 'utf8')));
if (written.length > 0) {
  // The declarations exist once, as CommonJS (.d.cts), which both module systems can
  // import in every TypeScript resolution mode; each entry's .d.ts is an ES module that
  // re-exports its .d.cts (so no default import is typed where none exists at run time).
  for (const file of written) {
    const text = readFileSync(file, 'utf8')
      .split('\n')
      // Specifiers in code only: a JSDoc example keeps the `.js` its reader would write.
      .map((line) => (/^\s*(\*|\/\*|\/\/)/.test(line) ? line : line.replace(RELATIVE_JS, '$1$2$3.cjs$2')))
      .join('\n');
    writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), text);
    rmSync(file);
  }
  for (const entry of ENTRIES) writeFileSync(join(dist, `${entry}.d.ts`), "export * from './index.cjs';\n");
}

const main = join(dist, 'cli/main.js');
const source = readFileSync(main, 'utf8');
if (!source.startsWith('#!')) writeFileSync(main, `#!/usr/bin/env node\n${source}`);
chmodSync(main, 0o755);
