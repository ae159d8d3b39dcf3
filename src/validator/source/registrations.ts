/**
 * Finds the places in source where something is registered on an extension:
 * decorators (`@chat.fn('x', {...})`), higher-order calls
 * (`chat.function('x', {...})(handler)`) and plain calls (`ext.secret({...})`).
 *
 * @module
 */
import type { Node, CallExpression, ObjectExpression, ClassMethod, ClassPrivateMethod, ClassProperty } from '@babel/types';
import { calleePath, functionName, hasDocComment, isFunction, objectArgument, stringValue, type FunctionLike } from './nodes.js';

/** Registration methods of `Extension` and `ChatExtension` the source rules care about. */
export const REGISTRATION_METHODS = new Set([
  'fn', 'function', 'tool', 'panel', 'widget', 'tray', 'skeleton', 'schedule', 'webhook', 'onEvent', 'emits',
  'expose', 'onInstall', 'onUpgrade', 'onUninstall', 'onEnable', 'onDisable', 'healthCheck', 'secret',
  'cacheModel', 'signal',
]);

/** How a registration was written. */
export type RegistrationStyle = 'decorator' | 'hof' | 'call';

/** One registration site. */
export interface Registration {
  /** Receiver chain before the method (`chat`, `ext`, `this.ext`). */
  readonly receiver: string;
  /** Method name (`fn`, `panel`, …). */
  readonly method: string;
  readonly style: RegistrationStyle;
  /** The registration call (`chat.fn('x', {...})`). */
  readonly call: CallExpression;
  /** First argument when it is a string literal (the name, id, path …). */
  readonly name?: string;
  /** First object-literal argument (the options). */
  readonly options?: ObjectExpression;
  /** The handler, for decorators and higher-order calls. */
  readonly handler?: FunctionLike;
  /** The handler's name as written (method or variable name). */
  readonly handlerName?: string;
  /** Whether the handler carries a TSDoc/JSDoc comment. */
  readonly documented: boolean;
  /** Ancestors of the registration call, outermost first. */
  readonly ancestors: readonly Node[];
}

type Member = ClassMethod | ClassPrivateMethod | ClassProperty;

function memberHandler(member: Member): FunctionLike | undefined {
  if (member.type === 'ClassProperty') return isFunction(member.value) ? member.value : undefined;
  return member;
}

function memberDocumented(member: Member): boolean {
  // A doc comment may sit before the decorators, or between them and the method
  // (Babel then attaches it as a trailing comment of the last decorator).
  const decorators = member.decorators ?? [];
  const last = decorators[decorators.length - 1];
  const trailing = (last?.trailingComments ?? []).some((c) => c.type === 'CommentBlock' && c.value.startsWith('*'));
  return hasDocComment(member) || decorators.some(hasDocComment) || trailing || hasDocComment(member.key);
}

/** The statement a higher-order registration belongs to carries its doc comment. */
function statementDocumented(ancestors: readonly Node[], handler: FunctionLike): boolean {
  if (hasDocComment(handler)) return true;
  for (let i = ancestors.length - 1; i >= 0; i -= 1) {
    const node = ancestors[i]!;
    if (hasDocComment(node)) return true;
    if (node.type.endsWith('Statement') || node.type.endsWith('Declaration')) {
      const parent = ancestors[i - 1];
      return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration' ? hasDocComment(parent) : false;
    }
  }
  return false;
}

/**
 * Classifies `node` (a call whose ancestors are given) as a registration, or
 * returns `undefined` when it is not one.
 */
export function asRegistration(node: Node, ancestors: readonly Node[]): Registration | undefined {
  const path = calleePath(node);
  if (path === undefined || path.length < 2) return undefined;
  const method = path[path.length - 1]!;
  if (!REGISTRATION_METHODS.has(method)) return undefined;
  const call = node as CallExpression;
  const base = {
    receiver: path.slice(0, -1).join('.'),
    method,
    call,
    name: stringValue(call.arguments[0]),
    options: objectArgument(call.arguments),
    ancestors,
  };
  const parent = ancestors[ancestors.length - 1];
  if (parent?.type === 'Decorator') {
    const member = ancestors[ancestors.length - 2];
    if (member?.type === 'ClassMethod' || member?.type === 'ClassPrivateMethod' || member?.type === 'ClassProperty') {
      const handler = memberHandler(member);
      const handlerName = member.key.type === 'Identifier' ? member.key.name : undefined;
      return { ...base, style: 'decorator', handler, handlerName, documented: memberDocumented(member) };
    }
    return { ...base, style: 'decorator', documented: false };
  }
  if (parent?.type === 'CallExpression' && parent.callee === call) {
    const handler = parent.arguments[0];
    if (isFunction(handler)) {
      const outer = ancestors[ancestors.length - 2];
      const handlerName = functionName(handler, outer);
      return { ...base, style: 'hof', handler, handlerName, documented: statementDocumented(ancestors, handler) };
    }
  }
  return { ...base, style: 'call', documented: false };
}
