import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import type { ExtensionModel } from '../model.js';
import type { Node } from '@babel/types';
import type { Location } from '../finding.js';
import { locate, type SourceIndex } from '../source/index.js';
import { walk } from '../source/walk.js';

/** The subset of a handler reference this rule reads (duck-typed: the user's SDK copy may differ). */
interface HandlerLike {
  readonly name: string;
  readonly owner?: string;
  readonly isInstanceMethod?: boolean;
  readonly isBound?: boolean;
}

/** Every registration that wraps a handler, with how findings name it. */
function handlers(ext: ExtensionModel): Array<{ what: string; handler: HandlerLike }> {
  const named = (what: string, records: ReadonlyArray<{ handler: HandlerLike }>, name: (r: never) => string) =>
    records.map((r) => ({ what: `${what} '${name(r as never)}'`, handler: r.handler }));
  return [
    ...named('chat function', ext.functions, (r: { name: string }) => r.name),
    ...named('tool', ext.tools, (r: { name: string }) => r.name),
    ...named('panel', ext.panels, (r: { id: string }) => r.id),
    ...named('tray item', ext.trays, (r: { id: string }) => r.id),
    ...named('schedule', ext.schedules, (r: { name: string }) => r.name),
    ...named('signal', ext.signals, (r: { name: string }) => r.name),
    ...named('webhook', ext.webhooks, (r: { path: string }) => r.path),
    ...named('event handler', ext.eventHandlers, (r: { eventType: string }) => r.eventType),
    ...named('exposed method', ext.exposed, (r: { name: string }) => r.name),
    ...named('lifecycle hook', ext.lifecycle, (r: { key: string }) => r.key),
    ...(ext.healthCheck ? [{ what: 'health check', handler: ext.healthCheck.handler as HandlerLike }] : []),
  ];
}

/**
 * The class declaring an instance method `name` that a registration decorates
 * (standard decorators do not know the class name when they run).
 */
function declaringClass(source: SourceIndex, name: string): string | undefined {
  for (const r of source.registrations) {
    if (r.handlerName !== name || r.handler?.type !== 'ClassMethod' || r.handler.static) continue;
    const cls = [...r.ancestors].reverse().find((a): a is Node & { id?: { name: string } | null } => a.type === 'ClassDeclaration' || a.type === 'ClassExpression');
    if (cls?.id?.name) return cls.id.name;
  }
  return undefined;
}

/**
 * Where `owner.name` is written: the method inside `class owner`, else the
 * class, else `undefined` (e.g. a class expression without a name).
 */
function methodSite(source: SourceIndex, owner: string, name: string): Location | undefined {
  for (const file of source.files) {
    let found: Location | undefined;
    walk(file.ast, (node) => {
      if (found || (node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') || node.id?.name !== owner) return;
      const member = node.body.body.find((m) => (m.type === 'ClassMethod' || m.type === 'ClassProperty') && m.key.type === 'Identifier' && m.key.name === name);
      found = locate(file, (member as Node | undefined) ?? node);
    });
    if (found) return found;
  }
  return undefined;
}

/** BIND-1 — instance-method handlers are bound to an instance with `ext.register()`. */
export const BIND_1: Rule = {
  id: 'BIND-1',
  level: 'ERROR',
  summary: 'Decorated instance methods must be bound with ext.register(instance or class)',
  check({ ext, extAt, source }) {
    if (!ext) return [];
    return handlers(ext)
      .filter(({ handler }) => handler.isInstanceMethod === true && handler.isBound === false)
      .map(({ what, handler }) => {
        const cls = handler.owner || declaringClass(source, handler.name) || 'YourClass';
        return finding('BIND-1', 'ERROR', `${what} is the instance method '${cls}.${handler.name}', and no instance is bound: every call would fail`,
          `Call ext.register(new ${cls}(...)) — or ext.register(${cls}) for a zero-argument constructor — or make the method static.`, (cls !== 'YourClass' && methodSite(source, cls, handler.name)) || extAt);
      });
  },
};
