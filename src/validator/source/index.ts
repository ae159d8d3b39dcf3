/**
 * Parses an extension's source once and indexes what the source rules ask
 * about: calls, member accesses, imports and registration sites.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Node, File, CallExpression, MemberExpression, OptionalMemberExpression } from '@babel/types';
import { finding, type Finding, type Location } from '../finding.js';
import { listSourceFiles } from './files.js';
import { parseSource } from './parse.js';
import { walk } from './walk.js';
import { asRegistration, type Registration } from './registrations.js';
import { stringValue } from './nodes.js';

/** One parsed source file. */
export interface SourceFile {
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the project root (what findings print). */
  readonly rel: string;
  readonly text: string;
  readonly ast: File;
}

/** A node seen during the walk, with where it was found. */
export interface Visit<T extends Node = Node> {
  readonly node: T;
  readonly ancestors: readonly Node[];
  readonly file: SourceFile;
}

/** An import of a module (`import`, `export … from`, `require()`, `import()`). */
export interface ImportSite {
  readonly specifier: string;
  /** The statement or call as written, for messages. */
  readonly text: string;
  readonly file: SourceFile;
  readonly node: Node;
}

/** A registration site with its file. */
export interface RegistrationSite extends Registration {
  readonly file: SourceFile;
}

/** Everything the source rules read. */
export interface SourceIndex {
  readonly root: string;
  readonly files: readonly SourceFile[];
  readonly calls: readonly Visit<CallExpression>[];
  readonly members: readonly Visit<MemberExpression | OptionalMemberExpression>[];
  readonly imports: readonly ImportSite[];
  readonly registrations: readonly RegistrationSite[];
  /** `new Extension('app-id', …)` sites. */
  readonly extensionSites: readonly Visit<Node>[];
  /** Files that could not be read or parsed, as findings. */
  readonly problems: readonly Finding[];
}

/** Where `node` is, for a finding. */
export function locate(file: SourceFile, node: Node): Location {
  const start = node.loc?.start;
  return start ? { file: file.rel, line: start.line, column: start.column + 1 } : { file: file.rel, line: 0 };
}

function importSpecifier(node: Node): string | undefined {
  if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') return node.source.value;
  if (node.type === 'ExportNamedDeclaration') return node.source?.value;
  if (node.type === 'ImportExpression') return stringValue(node.source);
  if (node.type === 'CallExpression') {
    if (node.callee.type === 'Import') return stringValue(node.arguments[0]);
    if (node.callee.type === 'Identifier' && node.callee.name === 'require') return stringValue(node.arguments[0]);
  }
  return undefined;
}

/** Reads and indexes every source file under `root` (or the single file `root`). */
export function indexSource(root: string, paths: readonly string[] = listSourceFiles(root)): SourceIndex {
  const base = paths.length === 1 && paths[0] === root ? root.replace(/[^/\\]+$/, '') : root;
  const index = {
    root,
    files: [] as SourceFile[],
    calls: [] as Visit<CallExpression>[],
    members: [] as Visit<MemberExpression | OptionalMemberExpression>[],
    imports: [] as ImportSite[],
    registrations: [] as RegistrationSite[],
    extensionSites: [] as Visit<Node>[],
    problems: [] as Finding[],
  };
  for (const path of paths) {
    const rel = relative(base, path) || path;
    let file: SourceFile;
    try {
      const text = readFileSync(path, 'utf8');
      file = { path, rel, text, ast: parseSource(path, text) };
    } catch (error) {
      const loc = (error as { loc?: { line: number; column: number } }).loc;
      index.problems.push(
        finding('PARSE', 'WARN', `Could not parse ${rel}: ${(error as Error).message}; source rules skipped this file`,
          'Fix the syntax error (imperal validate reads TypeScript and JavaScript with either decorator dialect)',
          { file: rel, line: loc?.line ?? 0 }),
      );
      continue;
    }
    index.files.push(file);
    walk(file.ast, (node, ancestors) => {
      if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
        index.calls.push({ node: node as CallExpression, ancestors, file });
        const reg = asRegistration(node, ancestors);
        if (reg) index.registrations.push({ ...reg, file });
      } else if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') {
        index.members.push({ node, ancestors, file });
      } else if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Extension') {
        index.extensionSites.push({ node, ancestors, file });
      }
      const specifier = importSpecifier(node);
      if (specifier !== undefined) {
        index.imports.push({ specifier, text: file.text.slice(node.start ?? 0, node.end ?? 0).split('\n')[0]!, file, node });
      }
    });
  }
  return index;
}
