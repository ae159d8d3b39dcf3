/**
 * Reads `imperal.json` from disk without ever throwing.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ManifestFile } from '../context.js';
import { checkManifest, type ManifestIssue } from './check.js';

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Reads and parses the manifest at `path`. */
export function readManifest(path: string): ManifestFile {
  if (!existsSync(path)) return { path, exists: false };
  const text = readFileSync(path, 'utf8');
  try {
    return { path, exists: true, data: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = /line (\d+)/.exec(message);
    return {
      path,
      exists: true,
      syntaxError: { message, line: line ? Number(line[1]) : position ? lineAt(text, Number(position[1])) : 1 },
    };
  }
}

const cache = new WeakMap<ManifestFile, ManifestIssue[]>();

/** The M1–M5 issues of a parsed manifest (computed once per file). */
export function manifestIssues(manifest: ManifestFile): ManifestIssue[] {
  if (!manifest.exists || manifest.syntaxError) return [];
  let issues = cache.get(manifest);
  if (!issues) cache.set(manifest, (issues = checkManifest(manifest.data)));
  return issues;
}
