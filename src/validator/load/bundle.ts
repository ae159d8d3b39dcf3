/**
 * Bundles a user's extension with esbuild so Node can import it without
 * ts-node: TS, JS, standard or legacy decorators (esbuild reads the project's
 * tsconfig `experimentalDecorators` for each file). The loader's child-process
 * harness is bundled beside it.
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions, Loader, Plugin } from 'esbuild';

/** Options for {@link bundleExtension}. */
export interface BundleOptions {
  /**
   * Bare imports to bundle from a given file instead of leaving external,
   * e.g. `{ '@imperal/sdk': '/repo/src/index.ts' }` to validate against SDK sources.
   */
  readonly alias?: Readonly<Record<string, string>>;
  /**
   * Bare imports to keep external but point at a given absolute file, e.g.
   * `{ '@imperal/sdk': '/usr/lib/node_modules/@imperal/sdk/dist/index.js' }`, so
   * the extension registers into the very SDK instance that runs it (`imperal serve`).
   */
  readonly externalAlias?: Readonly<Record<string, string>>;
  /** Also bundle the child-process harness (default true; `imperal serve` imports in process). */
  readonly harness?: boolean;
}

/** The files one load writes; remove `dir` when done. */
export interface BundleOutput {
  /** Folder holding both files (unique per run). */
  readonly dir: string;
  /** The extension bundle. */
  readonly bundle: string;
  /** The child-process harness. */
  readonly harness: string;
}

/**
 * Keeps every bare import (`@imperal/sdk`, node_modules, `node:` builtins)
 * external, so the extension registers into the user's installed SDK — the
 * same module instance the rest of their code sees.
 */
export function externalPackages(alias: Readonly<Record<string, string>>, externalAlias: Readonly<Record<string, string>> = {}): Plugin {
  return {
    name: 'imperal-external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path in alias) return { path: alias[args.path]! };
        if (args.path in externalAlias) return { path: pathToFileURL(externalAlias[args.path]!).href, external: true };
        if (/^[a-zA-Z]:[\\/]/.test(args.path)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

const LOADERS: Readonly<Record<string, Loader>> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx',
};

/**
 * The module's own location, written into its code before bundling: a bundle
 * lives elsewhere, and an extension that reads a prompt file beside itself
 * (`new URL('./prompt.txt', import.meta.url)`, `join(__dirname, …)`) must read
 * the same file under `imperal validate` as at run time. Line numbers are kept
 * (the `__dirname` declarations go on the first line) so findings stay exact.
 */
export function keepOwnLocation(text: string, file: string): string {
  const dir = dirname(file);
  let out = text
    .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(file).href))
    .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dir))
    .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(file));
  const declares = (name: string): boolean => new RegExp(`(?:\\b(?:const|let|var|function|class)\\s+|[{,]\\s*)${name}\\b`).test(text);
  const prefix = [
    /\b__dirname\b/.test(text) && !declares('__dirname') ? `var __dirname = ${JSON.stringify(dir)};` : '',
    /\b__filename\b/.test(text) && !declares('__filename') ? `var __filename = ${JSON.stringify(file)};` : '',
  ].join('');
  if (prefix) out = out.startsWith('#!') ? out.replace(/^[^\n]*\n/, (shebang) => `${shebang}${prefix}`) : `${prefix}${out}`;
  return out;
}

/** Applies {@link keepOwnLocation} to the project's own files (never to dependencies). */
function ownLocation(root: string): Plugin {
  return {
    name: 'imperal-own-location',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const rel = relative(root, args.path);
        if (rel.startsWith('..') || rel.split(sep).includes('node_modules')) return undefined;
        const loader = LOADERS[extname(args.path)];
        if (!loader) return undefined;
        return { contents: keepOwnLocation(readFileSync(args.path, 'utf8'), args.path), loader, resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * Where bundles are written: inside the project, so the bundle's external
 * imports resolve against the project's own node_modules.
 */
export function bundleDir(root: string): string {
  return existsSync(join(root, 'node_modules')) ? join(root, 'node_modules', '.cache', 'imperal') : join(root, '.imperal', 'tmp');
}

/**
 * The harness source: `dist/cli/harness.js` in the built package (this code may sit
 * in a shared chunk in `dist/` or in `dist/cli/`), `harness.ts` beside this file in the sources.
 */
function harnessSource(): string {
  for (const name of ['./cli/harness.js', './harness.js', './harness.ts', './load/harness.ts']) {
    const path = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error('the loader harness is missing from the @imperal/sdk installation (reinstall the package)');
}

/**
 * Bundles `entry` (and the harness) into a fresh folder under
 * {@link bundleDir}. Throws esbuild's `BuildFailure` on syntax/resolution
 * errors. esbuild is imported here, not at module load: only the commands
 * that bundle pay for it.
 */
export async function bundleExtension(root: string, entry: string, options: BundleOptions = {}): Promise<BundleOutput> {
  const { build } = await import('esbuild');
  const dir = join(bundleDir(root), `run-${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  const external = externalPackages(options.alias ?? {}, options.externalAlias ?? {});
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [external],
  };
  const out = { dir, bundle: join(dir, 'bundle.mjs'), harness: join(dir, 'harness.mjs') };
  try {
    if (options.harness !== false) await build({ ...common, entryPoints: [harnessSource()], outfile: out.harness });
    await build({
      ...common,
      entryPoints: [entry],
      outfile: out.bundle,
      sourcemap: 'inline',
      sourcesContent: false,
      plugins: [ownLocation(root), external],
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return out;
}
