/**
 * Bundles a user's extension with esbuild so Node can import it without
 * ts-node: TS, JS, standard or legacy decorators (esbuild reads the project's
 * tsconfig `experimentalDecorators` for each file).
 *
 * @module
 */
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { build, type Plugin } from 'esbuild';

/** Options for {@link bundleExtension}. */
export interface BundleOptions {
  /**
   * Bare imports to bundle from a given file instead of leaving external,
   * e.g. `{ '@imperal/sdk': '/repo/src/index.ts' }` to validate against SDK sources.
   */
  readonly alias?: Readonly<Record<string, string>>;
}

/**
 * Keeps every bare import (`@imperal/sdk`, node_modules, `node:` builtins)
 * external, so the extension registers into the user's installed SDK — the
 * same module instance the rest of their code sees.
 */
export function externalPackages(alias: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'imperal-external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path in alias) return { path: alias[args.path]! };
        if (/^[a-zA-Z]:[\\/]/.test(args.path)) return undefined;
        return { path: args.path, external: true };
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
 * Bundles `entry` into a fresh `.mjs` file under {@link bundleDir} and returns
 * its path. Throws esbuild's `BuildFailure` on syntax/resolution errors.
 */
export async function bundleExtension(root: string, entry: string, options: BundleOptions = {}): Promise<string> {
  const dir = bundleDir(root);
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `bundle-${process.pid}-${randomBytes(6).toString('hex')}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [externalPackages(options.alias ?? {})],
  });
  return outfile;
}
