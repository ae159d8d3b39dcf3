/**
 * Maps an error thrown while importing a bundled extension back to the
 * user's source file and line.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, sep } from 'node:path';
import type { Location } from '../finding.js';

const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/;

function framePath(raw: string): string {
  return raw.startsWith('file://') ? fileURLToPath(raw) : raw;
}

/**
 * The first stack frame inside `root` that is neither a dependency nor the
 * bundle itself, as a location relative to `root`.
 */
export function userFrame(error: unknown, root: string, bundle: string): Location | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    const path = framePath(match[1]!);
    if (!isAbsolute(path) || path === bundle) continue;
    const rel = relative(root, path);
    if (rel.startsWith('..') || rel.split(sep).includes('node_modules')) continue;
    return { file: rel, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
