/**
 * Small questions about Babel AST nodes that several source rules ask.
 *
 * @module
 */
import type { Node, Expression, ObjectExpression, Function as FunctionNode } from '@babel/types';

/** A node that is a function of some kind (declaration, expression, arrow, method). */
export type FunctionLike = FunctionNode;

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

/** Whether `node` is a function of any form. */
export function isFunction(node: Node | null | undefined): node is FunctionLike {
  return node != null && FUNCTION_TYPES.has(node.type);
}

/** `x as T`, `x satisfies T`, `<T>x`, `x!` and `(x)` → `x`: casts do not change what code does. */
export function unwrap(node: Node): Node {
  let n = node;
  while (
    n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSTypeAssertion' ||
    n.type === 'TSNonNullExpression' || n.type === 'ParenthesizedExpression'
  ) {
    n = n.expression;
  }
  return n;
}

/**
 * The dotted chain of a member expression or identifier, e.g. `ctx.skeleton.get`
 * → `['ctx', 'skeleton', 'get']`. Optional chaining and string-literal computed
 * keys (`process.env['KEY']`) count; anything else gives `undefined`.
 */
export function memberPath(node: Node | null | undefined): string[] | undefined {
  if (node == null) return undefined;
  node = unwrap(node);
  switch (node.type) {
    case 'Identifier':
      return [node.name];
    case 'ThisExpression':
      return ['this'];
    case 'MetaProperty':
      return [node.meta.name, node.property.name];
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const base = memberPath(node.object);
      if (base === undefined) return undefined;
      if (!node.computed && node.property.type === 'Identifier') return [...base, node.property.name];
      if (node.property.type === 'StringLiteral') return [...base, node.property.value];
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The callee chain of a call (`ctx.cache.set(...)` → `['ctx','cache','set']`). */
export function calleePath(node: Node): string[] | undefined {
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return undefined;
  return memberPath(node.callee);
}

/** A string literal's value (plain literals and template literals without expressions). */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (node == null) return undefined;
  node = unwrap(node);
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A numeric literal's value (`-5` included); booleans count as 1/0 like Python's `int(True)`. */
export function numberValue(node: Node | null | undefined): number | undefined {
  if (node == null) return undefined;
  if (node.type === 'NumericLiteral') return node.value;
  if (node.type === 'BooleanLiteral') return node.value ? 1 : 0;
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'NumericLiteral') {
    return -node.argument.value;
  }
  return undefined;
}

/** The key of an object property as text, when it is a plain identifier or string. */
export function propertyKey(node: Node): string | undefined {
  if (node.type !== 'ObjectProperty' && node.type !== 'ObjectMethod') return undefined;
  if (!node.computed && node.key.type === 'Identifier') return node.key.name;
  return stringValue(node.key);
}

/** The value node of property `key` in an object literal, if present. */
export function objectProperty(obj: ObjectExpression | undefined, key: string): Expression | undefined {
  if (obj === undefined) return undefined;
  for (const prop of obj.properties) {
    if (prop.type === 'ObjectProperty' && propertyKey(prop) === key) return prop.value as Expression;
  }
  return undefined;
}

/** The first object-literal argument of a call, if any. */
export function objectArgument(args: readonly Node[]): ObjectExpression | undefined {
  return args.find((a): a is ObjectExpression => a.type === 'ObjectExpression');
}

/** The innermost function among `ancestors` (outermost first), if any. */
export function enclosingFunction(ancestors: readonly Node[]): FunctionLike | undefined {
  for (let i = ancestors.length - 1; i >= 0; i -= 1) {
    const node = ancestors[i];
    if (isFunction(node)) return node;
  }
  return undefined;
}

/** A readable name for a function node: its own name, its key, or the variable it is assigned to. */
export function functionName(fn: FunctionLike, parent?: Node): string {
  if ((fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && fn.key.type === 'Identifier') return fn.key.name;
  if (fn.type === 'ClassPrivateMethod') return `#${fn.key.id.name}`;
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'ClassProperty' && parent.key.type === 'Identifier') return parent.key.name;
  return '<anonymous>';
}

/** Whether a TSDoc/JSDoc block (`/** … *\/`) sits directly before `node`. */
export function hasDocComment(node: Node): boolean {
  return (node.leadingComments ?? []).some((c) => c.type === 'CommentBlock' && c.value.startsWith('*'));
}

/** Source text of a node. */
export function textOf(source: string, node: Node): string {
  return source.slice(node.start ?? 0, node.end ?? 0);
}
