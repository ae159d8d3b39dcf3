/**
 * Builds the package once before the suite when `dist/` is missing, lacks its
 * declarations or is older than `src/`: the pack-and-import, CLI and template tests run the built artefacts.
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
  const marker = join(root, 'dist/index.js');
  // `npm run build:fast` (used by `npm run example`) leaves out the declarations the package tests need.
  const stale = !existsSync(marker) || !existsSync(join(root, 'dist/index.d.ts')) || statSync(marker).mtimeMs < Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'templates')));
  if (!stale) return;
  execFileSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root, stdio: 'inherit' });
}
