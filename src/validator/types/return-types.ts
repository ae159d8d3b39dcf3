/**
 * What a handler returns, as TypeScript infers it: a handler whose inferred
 * return type is `ActionResult` / `Promise<ActionResult<T>>` needs no written
 * annotation (V5, V18).
 *
 * The TypeScript compiler is the user's own (`typescript` resolved from the
 * project folder, as every TS project installs it), loaded only when some
 * handler has no annotation. Without it — or when the project does not
 * type-check far enough to name `ActionResult` — the answer is `undefined`
 * and the rules fall back to reading the `return` statements.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as TS from 'typescript';

/** The verdict on one handler's inferred return type. */
export type ReturnVerdict = 'action-result' | 'other';

/** Answers questions about handlers' inferred return types for one project. */
export interface ReturnTypes {
  /**
   * The verdict for the function whose body starts at character `bodyStart`
   * of `file` (absolute path), or `undefined` when TypeScript cannot tell.
   */
  verdict(file: string, bodyStart: number): ReturnVerdict | undefined;
}

/** The project's own `typescript`, or `undefined` when it does not resolve from `root`. */
export function projectTypeScript(root: string): typeof TS | undefined {
  try {
    const require = createRequire(join(root, 'package.json'));
    return require('typescript') as typeof TS;
  } catch {
    return undefined;
  }
}

/** Compiler options: the project's tsconfig.json when there is one, else strict NodeNext defaults. */
function compilerOptions(ts: typeof TS, root: string): TS.CompilerOptions {
  // No automatic @types/* (large, and not needed to name a handler's return type).
  const base: TS.CompilerOptions = { noEmit: true, skipLibCheck: true, allowJs: true, strict: true, types: [] };
  const path = join(root, 'tsconfig.json');
  if (existsSync(path)) {
    const read = ts.readConfigFile(path, (p) => ts.sys.readFile(p));
    if (!read.error) {
      const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
      return { ...parsed.options, ...base, strict: parsed.options.strict ?? true };
    }
  }
  return { ...base, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
}

/** Whether `type` is `ActionResult` (every member of a union; a Promise unwrapped first). */
function isActionResultType(ts: typeof TS, checker: TS.TypeChecker, type: TS.Type): boolean | undefined {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  if (type.isUnion()) {
    const members = type.types.map((t) => isActionResultType(ts, checker, t));
    if (members.some((m) => m === undefined)) return undefined;
    return members.every(Boolean);
  }
  const name = type.getSymbol()?.getName() ?? type.aliasSymbol?.getName();
  if (name === 'Promise') {
    const [inner] = checker.getTypeArguments(type as TS.TypeReference);
    return inner ? isActionResultType(ts, checker, inner) : false;
  }
  return name === 'ActionResult';
}

/** Builds the program lazily, once, on the first question. */
export function returnTypes(root: string, files: readonly string[]): ReturnTypes {
  let state: { ts: typeof TS; program: TS.Program; bodies: Map<string, Map<number, TS.SignatureDeclaration>> } | null | undefined;
  const init = (): typeof state => {
    if (state !== undefined) return state;
    const ts = projectTypeScript(root);
    if (!ts || files.length === 0) return (state = null);
    try {
      const program = ts.createProgram({ rootNames: [...files], options: compilerOptions(ts, root) });
      state = { ts, program, bodies: new Map() };
    } catch {
      state = null;
    }
    return state;
  };
  const bodiesOf = (s: NonNullable<typeof state>, file: string): Map<number, TS.SignatureDeclaration> => {
    let map = s.bodies.get(file);
    if (map) return map;
    map = new Map();
    const source = s.program.getSourceFile(file);
    const visit = (node: TS.Node): void => {
      if (s.ts.isFunctionLike(node) && 'body' in node && node.body) map!.set((node.body as TS.Node).getStart(source), node);
      s.ts.forEachChild(node, visit);
    };
    if (source) visit(source);
    s.bodies.set(file, map);
    return map;
  };
  return {
    verdict(file, bodyStart) {
      const s = init();
      if (!s) return undefined;
      const decl = bodiesOf(s, file).get(bodyStart);
      if (!decl) return undefined;
      try {
        const checker = s.program.getTypeChecker();
        const signature = checker.getSignatureFromDeclaration(decl);
        if (!signature) return undefined;
        const ok = isActionResultType(s.ts, checker, checker.getReturnTypeOfSignature(signature));
        return ok === undefined ? undefined : ok ? 'action-result' : 'other';
      } catch {
        return undefined;
      }
    },
  };
}
