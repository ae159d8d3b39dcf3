/**
 * The SDK the extension itself imports. The extension's bundle keeps
 * `@imperal/sdk` external, so it registers into the project's installed copy;
 * `imperal dev` must dispatch and build contexts with that same copy (its
 * classes are what `instanceof` checks inside the dispatcher see).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { createContext } from '../context/factory.js';
import type { dispatch } from '../core/dispatch.js';
import type { runRpcRequest } from '../rpc/replies.js';
import { DevError } from '../errors.js';
import { nativeImport } from '../validator/load/index.js';

/** The parts of `@imperal/sdk` the dev platform calls. */
export interface SdkRuntime {
  readonly createContext: typeof createContext;
  readonly dispatch: typeof dispatch;
  readonly runRpcRequest: typeof runRpcRequest;
  /** Where it was loaded from. */
  readonly path: string;
}

type ExportsEntry = string | { import?: ExportsEntry; default?: ExportsEntry } | undefined;

function esmEntry(entry: ExportsEntry): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!entry) return undefined;
  return esmEntry(entry.import) ?? esmEntry(entry.default);
}

/** Path of the ESM entry of the `@imperal/sdk` that `root` resolves. @throws {@link DevError} when none is installed. */
export function resolveSdk(root: string): string {
  let pkgPath: string;
  try {
    pkgPath = createRequire(join(root, 'package.json')).resolve('@imperal/sdk/package.json');
  } catch {
    throw new DevError(`@imperal/sdk is not installed in ${root}; run \`npm install @imperal/sdk\` there`);
  }
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports?: Record<string, ExportsEntry>; module?: string };
  const rel = esmEntry(pkg.exports?.['.']) ?? pkg.module ?? 'dist/index.js';
  return join(dirname(pkgPath), rel);
}

/** Imports the SDK runtime that `root` resolves. */
export async function loadSdk(root: string): Promise<SdkRuntime> {
  const path = resolveSdk(root);
  const mod = (await nativeImport(pathToFileURL(path).href)) as Partial<SdkRuntime>;
  if (typeof mod.dispatch !== 'function' || typeof mod.createContext !== 'function' || typeof mod.runRpcRequest !== 'function') {
    throw new DevError(`${path} is an @imperal/sdk without dispatch/createContext/runRpcRequest; install @imperal/sdk >= 5.11`);
  }
  return { createContext: mod.createContext, dispatch: mod.dispatch, runRpcRequest: mod.runRpcRequest, path };
}
