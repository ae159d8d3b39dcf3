/**
 * Loads a user's extension: bundle with esbuild, import the bundle, find the
 * `Extension`. Every failure becomes a finding; nothing here throws.
 *
 * @module
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { finding, type Finding } from '../finding.js';
import type { Project } from '../project.js';
import { ENTRY_CANDIDATES } from '../project.js';
import { bundleExtension, type BundleOptions } from './bundle.js';
import { buildFailureFindings, isBuildFailure, runtimeErrorFinding } from './errors.js';
import { findExtension, type ExtensionLike } from './find.js';
import { nativeImport } from './native-import.js';
import { bundleSourceMap, userFrame } from './stack.js';

export type { ExtensionLike } from './find.js';
export type { BundleOptions } from './bundle.js';

/** The outcome of {@link loadExtension}. */
export interface LoadResult {
  /** The extension, when the module loaded and exported one. */
  readonly ext?: ExtensionLike;
  /** Load problems (rule `LOAD`, or the rule a registration error maps to). */
  readonly findings: readonly Finding[];
}

/** Bundles, imports and finds the extension of `project`. */
export async function loadExtension(project: Project, options: BundleOptions = {}): Promise<LoadResult> {
  if (project.entry === undefined) {
    return {
      findings: [finding('LOAD', 'ERROR', `No extension entry module found in '${project.root}'`,
        `Create src/index.ts exporting your Extension as 'ext' (looked for ${ENTRY_CANDIDATES.join(', ')}), or set "imperal": { "entry": "…" } in package.json`)],
    };
  }
  let bundle: string;
  try {
    bundle = await bundleExtension(project.root, project.entry, options);
  } catch (error) {
    if (isBuildFailure(error)) return { findings: buildFailureFindings(error) };
    return { findings: [runtimeErrorFinding(error, undefined)] };
  }
  try {
    const namespace = await nativeImport(pathToFileURL(bundle).href, dirname(bundle));
    const ext = findExtension(namespace);
    if (ext === undefined) {
      return {
        findings: [finding('LOAD', 'ERROR', `No Extension instance exported from '${project.entry}'`,
          "Export it: `export const ext = new Extension('my-app', { ... })`",
          { file: project.entry.slice(project.root.length + 1), line: 0 })],
      };
    }
    return { ext, findings: [] };
  } catch (error) {
    return { findings: [runtimeErrorFinding(error, userFrame(error, project.root, bundle, bundleSourceMap(bundle)))] };
  } finally {
    rmSync(bundle, { force: true });
  }
}
