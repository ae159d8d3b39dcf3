/**
 * The single AST walker every source rule shares.
 *
 * @module
 */
import type { Node } from '@babel/types';

/** Called for every node, with the chain of its ancestors (outermost first). */
export type Visitor = (node: Node, ancestors: readonly Node[]) => void;

// Keys that hold positions or comments, never child nodes worth visiting.
const SKIP = new Set(['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'tokens']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Depth-first walk of `root` (iterative, so deep files cannot overflow the stack). */
export function walk(root: Node, visit: Visitor): void {
  const stack: Array<{ node: Node; ancestors: Node[] }> = [{ node: root, ancestors: [] }];
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop()!;
    visit(node, ancestors);
    const children: Node[] = [];
    for (const key of Object.keys(node)) {
      if (SKIP.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    const next = [...ancestors, node];
    // Push in reverse so children are visited in source order.
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, ancestors: next });
  }
}
