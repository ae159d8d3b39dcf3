/**
 * `GET /manifest`: the extension's `imperal.json` exactly as `imperal build` writes it
 * (the generated manifest merged with the hand-written fields of the file on disk,
 * 2-space JSON, no trailing newline).
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeManifest } from '../validator/manifest/merge.js';
import type { Extension } from '../core/extension.js';

/** The text `imperal build` would write for `ext` in the project folder `baseDir` (when known). */
export function manifestText(ext: Extension, baseDir?: string): string {
  const generated = ext.manifest(baseDir ? { baseDir } : {}) as unknown as Record<string, unknown>;
  let onDisk: unknown;
  if (baseDir) {
    try {
      onDisk = JSON.parse(readFileSync(join(baseDir, 'imperal.json'), 'utf8'));
    } catch {
      onDisk = undefined; // no file, or not JSON: the generated manifest alone (as build does)
    }
  }
  return JSON.stringify(mergeManifest(generated, onDisk), null, 2);
}
