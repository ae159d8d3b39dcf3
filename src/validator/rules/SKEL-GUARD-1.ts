import type { Node } from '@babel/types';
import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';
import { calleePath, enclosingFunction, functionName, type FunctionLike } from '../source/nodes.js';

/** Whether a decorator/registration call is `<anything>.skeleton(...)`. */
function isSkeletonCall(node: Node | undefined): boolean {
  const path = node ? calleePath(node) : undefined;
  return path !== undefined && path[path.length - 1] === 'skeleton';
}

/** Whether `fn` is registered as a skeleton refresh handler (decorator or higher-order call). */
function isSkeletonHandler(fn: FunctionLike, parent: Node | undefined): boolean {
  const member = fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod' ? fn : parent?.type === 'ClassProperty' ? parent : undefined;
  if (member) return (member.decorators ?? []).some((d) => isSkeletonCall(d.expression));
  return parent?.type === 'CallExpression' && parent.arguments[0] === fn && isSkeletonCall(parent.callee);
}

/** SKEL-GUARD-1 — only skeleton refresh handlers read `ctx.skeleton.get(...)`. */
export const SKEL_GUARD_1: Rule = {
  id: 'SKEL-GUARD-1',
  level: 'ERROR',
  summary: 'ctx.skeleton.get() only inside an @ext.skeleton handler',
  check({ source }) {
    return source.calls.flatMap(({ node, ancestors, file }) => {
      if (calleePath(node)?.join('.') !== 'ctx.skeleton.get') return [];
      const fn = enclosingFunction(ancestors);
      const parent = fn ? ancestors[ancestors.lastIndexOf(fn) - 1] : undefined;
      if (fn && isSkeletonHandler(fn, parent)) return [];
      const name = fn ? functionName(fn, parent) : '<module>';
      return [finding('SKEL-GUARD-1', 'ERROR',
        `ctx.skeleton.get(...) called from '${name}', which is not decorated with @ext.skeleton. Skeleton access is LLM-only in v1.6.0.`,
        'Move the read into a @ext.skeleton tool, or use ctx.cache / ctx.store.', locate(file, node))];
    });
  },
};
