/**
 * Maps an error thrown while importing a bundled extension back to the
 * user's source file and line, through the bundle's inline source map.
 *
 * The map is decoded here rather than relying on Node's global source-map
 * support, because hosts (Vitest, other CLIs) install their own stack
 * formatting.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Location } from '../finding.js';

const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?\s*$/;
const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/;

function framePath(raw: string): string {
  return raw.startsWith('file://') ? fileURLToPath(raw) : raw;
}

/** The bundle's inline source map, if it has one. */
export function bundleSourceMap(bundle: string): SourceMap | undefined {
  try {
    const match = INLINE_MAP.exec(readFileSync(bundle, 'utf8'));
    return match ? new SourceMap(JSON.parse(Buffer.from(match[1]!, 'base64').toString('utf8'))) : undefined;
  } catch {
    return undefined;
  }
}

/** A frame position in the bundle → the original file (absolute) and 1-based line/column. */
function mapThrough(map: SourceMap, bundle: string, line: number, column: number): { path: string; line: number; column: number } | undefined {
  const entry = map.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
  if (!entry?.originalSource || entry.originalLine === undefined) return undefined;
  const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : resolve(dirname(bundle), entry.originalSource);
  return { path: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

/**
 * The first stack frame inside `root` that is not a dependency, as a
 * location relative to `root`; frames in the bundle are mapped back first.
 */
export function userFrame(error: unknown, root: string, bundle: string, map: SourceMap | undefined): Location | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== 'string') return undefined;
  for (const text of stack.split('\n').slice(1)) {
    const match = FRAME.exec(text.trim());
    if (!match) continue;
    let frame: { path: string; line: number; column: number } | undefined = { path: framePath(match[1]!), line: Number(match[2]), column: Number(match[3]) };
    // The loader's own files beside the bundle (the harness) are never the user's code.
    if (frame.path !== bundle && dirname(frame.path) === dirname(bundle)) continue;
    if (frame.path === bundle) frame = map ? mapThrough(map, bundle, frame.line, frame.column) : undefined;
    if (!frame || !isAbsolute(frame.path)) continue;
    const rel = relative(root, frame.path);
    if (rel.startsWith('..') || rel.split(sep).includes('node_modules')) continue;
    return { file: rel, line: frame.line, column: frame.column };
  }
  return undefined;
}
