import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import type { ExtensionModel } from '../model.js';

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

/** BIND-1 — instance-method handlers are bound to an instance with `ext.register()`. */
export const BIND_1: Rule = {
  id: 'BIND-1',
  level: 'ERROR',
  summary: 'Decorated instance methods must be bound with ext.register(instance or class)',
  check({ ext, extAt }) {
    if (!ext) return [];
    return handlers(ext)
      .filter(({ handler }) => handler.isInstanceMethod === true && handler.isBound === false)
      .map(({ what, handler }) => {
        const cls = handler.owner || 'YourClass';
        return finding('BIND-1', 'ERROR', `${what} is the instance method '${cls}.${handler.name}', and no instance is bound: every call would fail`,
          `Call ext.register(new ${cls}(...)) — or ext.register(${cls}) for a zero-argument constructor — or make the method static.`, extAt);
      });
  },
};
