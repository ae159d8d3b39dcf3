/**
 * Builds the `imperal dev` playground (playground/) into dist/playground/ at
 * package build time: one minified ESM bundle (Preact included), the HTML and
 * the CSS. Nothing is bundled when a user starts `imperal dev`.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/playground');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'playground/src/main.tsx')],
  outfile: join(out, 'app.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(root, 'playground/index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'playground/app.css'), join(out, 'app.css'));
const js = readFileSync(join(out, 'app.js'));
console.log(`playground: dist/playground/app.js ${(js.byteLength / 1024).toFixed(1)} KB, ${(gzipSync(js).byteLength / 1024).toFixed(1)} KB gzipped`);
