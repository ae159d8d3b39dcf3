/**
 * Parses extension source (TS or JS, either decorator dialect) into a Babel AST.
 *
 * Babel's parser is used rather than the TypeScript compiler because it is a
 * runtime dependency already, is small, keeps comments attached to nodes
 * (V11 reads TSDoc) and, unlike esbuild, accepts `@chat.function(` so the
 * source rules still run on files the bundler rejects.
 *
 * @module
 */
import { createRequire } from 'node:module';
import type { ParserPlugin } from '@babel/parser';
import type { File } from '@babel/types';

// Loaded on first parse, not when the CLI starts: `init` and `--help` never need it.
let babel: typeof import('@babel/parser') | undefined;
const parser = (): typeof import('@babel/parser') => (babel ??= createRequire(import.meta.url)('@babel/parser') as typeof import('@babel/parser'));

/** Picks the syntax plugins for a file from its extension. */
function pluginsFor(path: string, decorators: ParserPlugin): ParserPlugin[] {
  const isTs = /\.[cm]?tsx?$/.test(path);
  const jsx = /x$/.test(path) ? (['jsx'] as ParserPlugin[]) : [];
  return [...(isTs ? (['typescript'] as ParserPlugin[]) : []), ...jsx, decorators];
}

/**
 * Parses `text`; tries standard decorators first, then the legacy dialect
 * (which also allows parameter decorators). Throws the first syntax error
 * when neither dialect parses.
 */
export function parseSource(path: string, text: string): File {
  let first: unknown;
  for (const decorators of ['decorators', 'decorators-legacy'] as ParserPlugin[]) {
    try {
      return parser().parse(text, {
        sourceType: 'module',
        sourceFilename: path,
        plugins: pluginsFor(path, decorators),
        errorRecovery: false,
        attachComment: true,
      });
    } catch (error) {
      first ??= error;
    }
  }
  throw first;
}
