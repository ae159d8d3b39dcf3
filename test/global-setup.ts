/**
 * Builds the package once before the suite when `dist/` is missing or older than
 * `src/`: the pack-and-import, CLI and template tests run the built artefacts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  // Both the JavaScript and the declarations must be current: `npm run build:js` (used by
  // `npm run example`) refreshes only the JavaScript.
  const markers = [join(root, 'dist/index.js'), join(root, 'dist/index.d.ts')];
  const built = Math.min(...markers.map((m) => (existsSync(m) ? statSync(m).mtimeMs : 0)));
  const stale = built < Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'templates')));
  // tsup cleans dist/, so a rebuild also rebuilds the playground.
  if (stale) {
    execFileSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root, stdio: 'inherit' });
    execFileSync(process.execPath, [join(root, 'scripts/finish-build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  const playground = join(root, 'dist/playground/index.html');
  if (stale || !existsSync(playground) || statSync(playground).mtimeMs < newestMtime(join(root, 'playground'))) {
    execFileSync(process.execPath, [join(root, 'scripts/build-playground.mjs')], { cwd: root, stdio: 'inherit' });
  }
}
