/**
 * Facts about the installed `@imperal/sdk` package the CLI belongs to: its
 * root folder (templates live there), version and dev tool versions.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of our package.json the CLI reads. */
export interface PackageInfo {
  readonly root: string;
  readonly version: string;
  readonly devDependencies: Readonly<Record<string, string>>;
}

let cached: PackageInfo | undefined;

/** Finds the SDK package by walking up from this module (works from `src/` and from `dist/`). */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string; devDependencies?: Record<string, string> };
      if (pkg.name === '@imperal/sdk') {
        cached = { root: dir, version: pkg.version ?? '0.0.0', devDependencies: pkg.devDependencies ?? {} };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the @imperal/sdk package.json above the CLI');
    dir = parent;
  }
}
