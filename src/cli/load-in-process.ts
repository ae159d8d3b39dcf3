/**
 * Imports an extension into this process, for the commands that run it
 * (`imperal serve`): the host and the extension must share one SDK instance.
 * `validate`/`build` load in a child process instead (they must survive any
 * module); a host runs the module for real, so it imports it itself.
 *
 * With esbuild installed, the entry (TypeScript or JavaScript) is bundled with
 * the SDK kept external and pointed at the running SDK, so it works from any
 * folder. Without it — a production install — a compiled JavaScript entry is
 * imported as it is, resolving `@imperal/sdk` from the project.
 *
 * @module
 */
import { rmSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleExtension } from '../validator/load/bundle.js';
import { findExtension, type ExtensionLike } from '../validator/load/find.js';
import { nativeImport } from '../validator/load/native-import.js';
import { ENTRY_CANDIDATES, type Project } from '../validator/project.js';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './exit-codes.js';
import { toolchainHint } from './toolchain.js';

const PLAIN_JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);

async function hasEsbuild(): Promise<boolean> {
  try {
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
  } catch {
    return 'a value that cannot be described';
  }
}

/** Imports `project`'s entry and returns its exported extension; a typed CLI error names what went wrong. */
export async function importExtension(project: Project, externalAlias: Readonly<Record<string, string>> = {}): Promise<ExtensionLike> {
  const entry = project.entry;
  if (entry === undefined) {
    throw new CliError(`No extension entry module found in '${project.root}' (looked for ${ENTRY_CANDIDATES.join(', ')}); pass the entry file`, EXIT_USAGE);
  }
  const entryRel = relative(project.root, entry) || entry;
  let namespace: Record<string, unknown>;
  if (await hasEsbuild()) {
    const out = await bundleExtension(project.root, entry, { externalAlias, harness: false }).catch((error: unknown) => {
      throw new CliError(`cannot bundle '${entryRel}': ${describe(error)}`, EXIT_FAILURE);
    });
    try {
      namespace = await nativeImport(pathToFileURL(out.bundle).href);
    } catch (error) {
      throw new CliError(`the extension in '${entryRel}' threw while it was imported: ${describe(error)}`, EXIT_FAILURE);
    } finally {
      rmSync(out.dir, { recursive: true, force: true });
    }
  } else if (PLAIN_JAVASCRIPT.has(extname(entry))) {
    try {
      namespace = await nativeImport(pathToFileURL(entry).href);
    } catch (error) {
      throw new CliError(`the extension in '${entryRel}' threw while it was imported: ${describe(error)}`, EXIT_FAILURE);
    }
  } else {
    throw new CliError(`'${entryRel}' is TypeScript: build it to JavaScript and serve the .js entry, or ${toolchainHint('esbuild')}`, EXIT_FAILURE);
  }
  const ext = findExtension(namespace);
  if (!ext) throw new CliError(`No Extension instance exported from '${entryRel}' — is \`ext\` exported from ${entryRel}?`, EXIT_FAILURE);
  return ext;
}
