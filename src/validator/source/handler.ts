/**
 * Questions about a handler function's signature and body: its declared
 * return type, what it returns, its parameters, and where things are declared.
 *
 * @module
 */
import type { Node } from '@babel/types';
import { walk } from './walk.js';
import { calleePath, isFunction, memberPath, unwrap, type FunctionLike } from './nodes.js';

/** The declared return type as written (`Promise<ActionResult<Task>>`), or `undefined`. */
export function returnTypeText(fn: FunctionLike, text: string): string | undefined {
  const annotation = fn.returnType;
  if (annotation == null || annotation.type === 'Noop') return undefined;
  return text.slice(annotation.start ?? 0, annotation.end ?? 0).replace(/^:\s*/, '');
}

/** Nodes of `fn`'s own body, not descending into nested functions. */
export function ownBody(fn: FunctionLike, visit: (node: Node) => void): void {
  walk(fn.body, (node, ancestors) => {
    if (ancestors.some((a) => isFunction(a))) return;
    visit(node);
  });
}

/**
 * Whether every `return` in `fn` (and there is one) gives an `ActionResult`:
 * an `ActionResult.*(...)` call, a conditional or `??`/`||` of such, or a
 * local variable initialised with one. The fallback when TypeScript cannot
 * infer the return type.
 */
export function returnsOnlyActionResult(fn: FunctionLike): boolean {
  const results = new Set<string>();
  ownBody(fn, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && isActionResultValue(node.init, results)) results.add(node.id.name);
  });
  if (fn.body.type !== 'BlockStatement') return isActionResultValue(fn.body, results);
  let returns = 0;
  let all = true;
  ownBody(fn, (node) => {
    if (node.type !== 'ReturnStatement') return;
    returns += 1;
    if (!isActionResultValue(node.argument, results)) all = false;
  });
  return returns > 0 && all;
}

function isActionResultValue(node: Node | null | undefined, locals: ReadonlySet<string>): boolean {
  if (node == null) return false;
  const n = unwrap(node);
  if (n.type === 'AwaitExpression') return isActionResultValue(n.argument, locals);
  if (n.type === 'ConditionalExpression') return isActionResultValue(n.consequent, locals) && isActionResultValue(n.alternate, locals);
  if (n.type === 'LogicalExpression') return isActionResultValue(n.left, locals) && isActionResultValue(n.right, locals);
  if (n.type === 'Identifier') return locals.has(n.name);
  const path = calleePath(n);
  return path !== undefined && path.length === 2 && path[0] === 'ActionResult';
}

/** A parameter as the rules see it. */
export interface ParamInfo {
  readonly name: string;
  /** No default, not optional (`?`), not a rest parameter. */
  readonly required: boolean;
}

/** The parameters of `fn` in order (`this:` pseudo-parameters excluded). */
export function paramsOf(fn: FunctionLike): ParamInfo[] {
  const out: ParamInfo[] = [];
  for (const p of fn.params) {
    if (p.type === 'Identifier') {
      if (p.name === 'this') continue;
      out.push({ name: p.name, required: p.optional !== true });
    } else if (p.type === 'AssignmentPattern') {
      out.push({ name: p.left.type === 'Identifier' ? p.left.name : '<pattern>', required: false });
    } else if (p.type === 'RestElement') {
      out.push({ name: `...${p.argument.type === 'Identifier' ? p.argument.name : 'rest'}`, required: false });
    } else if (p.type === 'TSParameterProperty') {
      out.push({ name: '<property>', required: true });
    } else {
      out.push({ name: '<pattern>', required: (p as { optional?: boolean }).optional !== true });
    }
  }
  return out;
}

/** Lines (absolute) where `fn`'s body touches `<receiver>.<member>`. */
export function accessLines(fn: FunctionLike, receiver: string, member: string): number[] {
  const lines = new Set<number>();
  walk(fn.body, (node) => {
    if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return;
    const path = memberPath(node);
    if (path?.length === 2 && path[0] === receiver && path[1] === member && node.loc) lines.add(node.loc.start.line);
  });
  return [...lines].sort((a, b) => a - b);
}

/**
 * Whether `ancestors` put a node inside a function body. The method a
 * decorator sits on does not count: decorators are evaluated at class level.
 */
export function insideFunction(ancestors: readonly Node[]): boolean {
  for (let i = 0; i < ancestors.length; i += 1) {
    if (isFunction(ancestors[i]) && ancestors[i + 1]?.type !== 'Decorator') return true;
  }
  return false;
}

/**
 * Whether `fn` returns an `ActionResult`: its written return type mentions
 * `ActionResult`; else the type TypeScript infers (when the project's compiler
 * can tell); else every `return` is one ({@link returnsOnlyActionResult}).
 * `declared` is the written return type, if any.
 */
export function returnsActionResult(fn: FunctionLike, declared: string | undefined, inferred: 'action-result' | 'other' | undefined): boolean {
  if (declared !== undefined) return declared.includes('ActionResult');
  if (inferred !== undefined) return inferred === 'action-result';
  return returnsOnlyActionResult(fn);
}
