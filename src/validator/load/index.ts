/**
 * Loads a user's extension: bundle with esbuild, import the bundle in a child
 * process (bounded by a timeout), and rebuild a plain view of the extension
 * from what the child reports. Every failure becomes a finding; nothing here
 * throws, and the temporary bundle is always removed.
 *
 * @module
 */
import { rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { finding, type Finding } from '../finding.js';
import type { Project } from '../project.js';
import { ENTRY_CANDIDATES } from '../project.js';
import { bundleExtension, type BundleOptions, type BundleOutput } from './bundle.js';
import { DEFAULT_LOAD_TIMEOUT_MS, runHarness, type ChildOutcome } from './child.js';
import { buildFailureFindings, isBuildFailure, runtimeErrorFinding, thrownFinding } from './errors.js';
import type { ExtensionLike } from './find.js';
import type { ChildMessage } from './protocol.js';
import { bundleSourceMap, userFrame } from './stack.js';

export type { ExtensionLike } from './find.js';
export type { BundleOptions } from './bundle.js';
export { DEFAULT_LOAD_TIMEOUT_MS } from './child.js';

/** Options of {@link loadExtension}. */
export interface LoadOptions extends BundleOptions {
  /** Bound on importing the extension, in milliseconds (default {@link DEFAULT_LOAD_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

/** The outcome of {@link loadExtension}. */
export interface LoadResult {
  /**
   * The extension as the child saw it (options and registry as plain data;
   * `manifest()` returns the manifest it generated), when it loaded.
   */
  readonly ext?: ExtensionLike;
  /** Load problems (rule `LOAD`, or the rule a registration error maps to). */
  readonly findings: readonly Finding[];
}

/** Bundles that exist right now; removed at exit should a load be interrupted. */
const live = new Set<string>();
let cleanupInstalled = false;

function track(dir: string): void {
  live.add(dir);
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => {
    for (const d of live) rmSync(d, { recursive: true, force: true });
  });
}

function remove(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
  // Outside node_modules the bundle lived in <project>/.imperal/tmp: leave no empty folders behind.
  const tmp = dirname(dir);
  if (basename(tmp) === 'tmp' && basename(dirname(tmp)) === '.imperal') {
    for (const d of [tmp, dirname(tmp)]) {
      try {
        rmdirSync(d);
      } catch {
        break; // Not empty (another run, or the user's files): keep it.
      }
    }
  }
}

/** An {@link ExtensionLike} over the child's report. */
function extensionOf(message: Extract<ChildMessage, { kind: 'loaded' }>): ExtensionLike {
  return {
    appId: message.appId,
    registry: message.registry,
    options: message.options,
    ...(message.version !== undefined ? { version: message.version } : {}),
    manifest() {
      if (message.manifestError) {
        const e = message.manifestError;
        throw new Error(e.message ?? e.thrown ?? 'manifest() failed');
      }
      return message.manifest;
    },
  };
}

/** Findings for how the child ended, when it did not load an extension. */
function outcomeFindings(outcome: ChildOutcome, out: BundleOutput, project: Project, entryRel: string, timeoutMs: number): LoadResult {
  const entryAt = { file: entryRel, line: 1 };
  switch (outcome.kind) {
    case 'timeout':
      return { findings: [finding('LOAD', 'ERROR',
        `Extension did not finish loading within ${timeoutMs / 1000} s (an endless loop, or a top-level await that never settles, while the module was imported)`,
        'Keep module scope to registrations: start work inside handlers or onInstall, never loop or wait at import (raise the bound with --timeout <seconds>)', entryAt)] };
    case 'spawn-failed':
      return { findings: [finding('LOAD', 'ERROR', `Could not start a Node.js process to load the extension: ${outcome.message}`, 'Check that Node.js >= 20.19 runs on this machine', entryAt)] };
    case 'exited': {
      // Node's own exit code for a main module whose top-level await never settled (our harness awaits the import).
      if (outcome.code === 13) {
        return { findings: [finding('LOAD', 'ERROR', 'Extension never finished loading: a top-level await at module scope never settles',
          'Do not wait at import for something that may never happen; start work inside handlers or onInstall', entryAt)] };
      }
      const how = outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${String(outcome.code)}`;
      const tail = outcome.stderr.trim().split('\n').slice(-3).join(' | ');
      return { findings: [finding('LOAD', 'ERROR', `The process loading the extension ${how} before it finished${tail ? `: ${tail}` : ''}`,
        'Remove whatever ends the process at import (process.abort(), process.kill(), a native crash)', entryAt)] };
    }
    case 'message':
      break;
  }
  const message = outcome.message;
  switch (message.kind) {
    case 'exit-called': {
      const at = message.stack ? userFrame({ stack: message.stack }, project.root, out.bundle, bundleSourceMap(out.bundle)) : undefined;
      return { findings: [finding('LOAD', 'ERROR', `The extension called process.exit(${message.code === 'undefined' ? '' : message.code}) while it was imported`,
        'Never exit the process from module scope: the host owns it. Throw an Error instead', at ?? entryAt)] };
    }
    case 'no-extension':
      return { findings: [finding('LOAD', 'ERROR',
        `No Extension instance exported from '${entryRel}'${message.exports.length ? ` (it exports ${message.exports.join(', ')})` : ''} — is \`ext\` exported from ${entryRel}?`,
        "Export it: `export const ext = new Extension('my-app', { ... })`", entryAt)] };
    case 'threw': {
      const map = bundleSourceMap(out.bundle);
      const at = message.error.stack ? userFrame({ stack: message.error.stack }, project.root, out.bundle, map) : undefined;
      return { findings: [message.error.subject !== undefined && message.error.fix !== undefined
        ? runtimeErrorFinding({ message: message.error.message ?? '', subject: message.error.subject, fix: message.error.fix, rule: message.error.rule }, at ?? entryAt)
        : thrownFinding(message.error, at ?? entryAt)] };
    }
    case 'loaded': {
      const findings: Finding[] = [];
      if (outcome.lingered) {
        findings.push(finding('LOAD', 'ERROR',
          'The extension keeps the process alive after it was imported (an open timer, socket or server at module scope)',
          'Open connections and timers inside handlers or lifecycle hooks (or call .unref() on them): the host imports the module before it serves', entryAt));
      }
      return { ext: extensionOf(message), findings };
    }
  }
}

/** Bundles, imports (in a child process) and describes the extension of `project`. */
export async function loadExtension(project: Project, options: LoadOptions = {}): Promise<LoadResult> {
  if (project.entry === undefined) {
    return {
      findings: [finding('LOAD', 'ERROR', `No extension entry module found in '${project.root}'`,
        `Create src/index.ts exporting your Extension as 'ext' (looked for ${ENTRY_CANDIDATES.join(', ')}), or set "imperal": { "entry": "…" } in package.json`)],
    };
  }
  const entryRel = relative(project.root, project.entry) || project.entry;
  let out: BundleOutput;
  try {
    out = await bundleExtension(project.root, project.entry, options);
  } catch (error) {
    if (isBuildFailure(error)) return { findings: buildFailureFindings(error) };
    return { findings: [runtimeErrorFinding(error, undefined)] };
  }
  track(out.dir);
  try {
    const timeoutMs = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
    const outcome = await runHarness(out.harness, out.bundle, project.root, timeoutMs);
    return outcomeFindings(outcome, out, project, entryRel, timeoutMs);
  } finally {
    remove(out.dir);
  }
}
export { nativeImport } from './native-import.js';
