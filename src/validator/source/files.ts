/**
 * Lists the source files of an extension project.
 *
 * @module
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders never scanned: dependencies, build output, caches, VCS. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', '.imperal', '.cache', '.turbo', '.next', 'out']);

/** Source extensions the validator reads. */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/** Declaration files, tool configs and tests: not shipped code, so not held to the platform's rules. */
const NOT_SHIPPED = /(?:\.d\.[cm]?ts|\.config\.[cm]?[jt]s|\.(?:test|spec|bench)\.[cm]?[jt]sx?)$/;

/** Test folders, skipped for the same reason. */
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__mocks__']);

/**
 * Every source file under `root` (sorted, absolute paths). `root` may also be a
 * single file, which is then the only one returned.
 */
export function listSourceFiles(root: string): string[] {
  if (statSync(root).isFile()) return [root];
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !TEST_DIRS.has(entry.name) && !entry.name.startsWith('.')) visit(path);
      } else if (SOURCE_FILE.test(entry.name) && !NOT_SHIPPED.test(entry.name)) {
        out.push(path);
      }
    }
  };
  visit(root);
  return out;
}
