/**
 * Works out what `imperal validate|build [path]` is looking at: the project
 * root, the entry module and where `imperal.json` lives.
 *
 * @module
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** An extension project on disk. */
export interface Project {
  /** Folder holding the project (the file's folder when a single file was given). */
  readonly root: string;
  /** The module to load, when one was found. */
  readonly entry?: string;
  /** Source files are scanned under this path (a folder, or the single given file). */
  readonly scanPath: string;
  /** Where `imperal.json` is (or would be written). */
  readonly manifestPath: string;
}

/** Entry candidates, most specific first. */
export const ENTRY_CANDIDATES = [
  'src/index.ts', 'src/extension.ts', 'src/main.ts', 'index.ts', 'extension.ts', 'main.ts',
  'src/index.mts', 'src/index.js', 'src/index.mjs', 'index.js', 'index.mjs', 'extension.js', 'main.js',
];

/** `package.json` `imperal.entry`, when the project names its entry explicitly. */
function declaredEntry(root: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { imperal?: { entry?: unknown } };
    return typeof pkg.imperal?.entry === 'string' ? pkg.imperal.entry : undefined;
  } catch {
    return undefined;
  }
}

/** Files `validate`/`build` accept as an entry module. */
export const ENTRY_FILE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/**
 * Why `path` cannot be an extension project, or `undefined` when it can: it
 * does not exist, is neither a folder nor a regular file (`/dev/null`, a
 * socket), or is a file that is not TypeScript/JavaScript.
 */
export function projectPathProblem(path: string): string | undefined {
  const abs = resolve(path);
  let stat;
  try {
    stat = statSync(abs);
  } catch {
    return `Path '${path}' does not exist.`;
  }
  if (stat.isDirectory()) return undefined;
  if (!stat.isFile()) return `Path '${path}' is neither a folder nor a regular file: pass the extension's project folder or its entry file.`;
  if (!ENTRY_FILE.test(abs)) return `Path '${path}' is not a TypeScript or JavaScript file: pass the extension's project folder or its entry file (.ts, .js, .mts, .mjs …).`;
  return undefined;
}

/**
 * Resolves `path` (a folder or a file). Returns `undefined` when it is not one
 * (see {@link projectPathProblem} for why).
 */
export function resolveProject(path: string): Project | undefined {
  if (projectPathProblem(path) !== undefined) return undefined;
  const abs = resolve(path);
  if (statSync(abs).isFile()) {
    const root = dirname(abs);
    return { root, entry: abs, scanPath: abs, manifestPath: join(root, 'imperal.json') };
  }
  const declared = declaredEntry(abs);
  const candidates = declared === undefined ? ENTRY_CANDIDATES : [declared, ...ENTRY_CANDIDATES];
  const found = candidates.map((c) => join(abs, c)).find((p) => existsSync(p) && statSync(p).isFile());
  return found === undefined
    ? { root: abs, scanPath: abs, manifestPath: join(abs, 'imperal.json') }
    : { root: abs, entry: found, scanPath: abs, manifestPath: join(abs, 'imperal.json') };
}
