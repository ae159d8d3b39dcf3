/**
 * Node's own dynamic `import()`, not one a test runner rewrote: Vitest routes
 * `import()` in transformed code through its module graph, which would load a
 * user's bundle with the runner's copy of the SDK instead of the bundle's.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Importer = (url: string) => Promise<Record<string, unknown>>;

// A Function body is never rewritten by a host, and in a module Node loaded
// itself its `import()` reaches Node's loader.
const functionImport = new Function('url', 'return import(url)') as Importer;
let fallback: Importer | undefined;

const HELPER_SOURCE = '// Written by @imperal/sdk: a dynamic import compiled by Node\'s own CommonJS loader.\nmodule.exports = (url) => import(url);\n';

/**
 * Where the caller's code was evaluated by `vm` (Vitest, Jest), a Function has
 * no dynamic-import callback. A one-line CommonJS file compiled by Node's own
 * loader has one, without the experimental `vm` loader constant (whose warning
 * would otherwise print in every test run).
 */
function commonJsImporter(dir: string): Importer {
  // Written, required and removed at once: the compiled function outlives its file,
  // and nothing is left behind in the user's project.
  const path = join(dir, `native-import-${process.pid}-${randomBytes(4).toString('hex')}.cjs`);
  writeFileSync(path, HELPER_SOURCE);
  try {
    return createRequire(path)(path) as Importer;
  } finally {
    rmSync(path, { force: true });
  }
}

/**
 * Imports `url` with Node's loader.
 *
 * @param dir - a writable folder for the CommonJS helper (default: the system's temp folder), used only when the direct route is unavailable.
 */
export async function nativeImport(url: string, dir: string = tmpdir()): Promise<Record<string, unknown>> {
  if (fallback) return fallback(url);
  try {
    return await functionImport(url);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING') throw error;
    fallback = commonJsImporter(dir);
    return fallback(url);
  }
}
