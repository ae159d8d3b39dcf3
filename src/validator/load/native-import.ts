/**
 * Node's own dynamic `import()`, for loaders that run an extension in this
 * process (`imperal dev`, `imperal serve`) and must not get a test runner's
 * rewritten `import()` (Vitest routes it through its module graph).
 *
 * @module
 */
import { Script, constants } from 'node:vm';

type Importer = (url: string) => Promise<Record<string, unknown>>;

// A Function body has no host rewriting; where it has no dynamic-import callback
// either (vm-evaluated modules), a vm Script on the main context's loader does the same.
const functionImport = new Function('url', 'return import(url)') as Importer;
let vmImport: Importer | undefined;

/** Imports `url` with Node's own loader (never a test runner's rewritten `import()`). */
export async function nativeImport(url: string): Promise<Record<string, unknown>> {
  if (vmImport) return vmImport(url);
  try {
    return await functionImport(url);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING') throw error;
    vmImport = new Script('(url) => import(url)', { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext() as Importer;
    return vmImport(url);
  }
}
