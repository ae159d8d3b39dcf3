import type { Rule } from '../context.js';
import { finding } from '../finding.js';
import { locate } from '../source/index.js';

const PREFIX = 'on_event:';

/**
 * EVENT-REF-1 — a panel refreshed `on_event:<type>` names an event the
 * extension emits (`ext.emits`, a chat function's `event:`) or subscribes to
 * (`ext.onEvent`): otherwise a typo leaves the panel never refreshing.
 */
export const EVENT_REF_1: Rule = {
  id: 'EVENT-REF-1',
  level: 'WARN',
  summary: "A panel's refresh: 'on_event:<type>' must name an event the extension emits or subscribes to",
  check({ ext, siteOf, extAt }) {
    if (!ext) return [];
    const known = new Set([
      ...ext.emits.map((e) => e.eventType),
      ...ext.functions.map((f) => f.event).filter(Boolean),
      ...ext.eventHandlers.map((h) => h.eventType),
    ]);
    return ext.panels.flatMap((panel) => {
      if (typeof panel.refresh !== 'string' || !panel.refresh.startsWith(PREFIX)) return [];
      const type = panel.refresh.slice(PREFIX.length);
      if (known.has(type)) return [];
      const site = siteOf(['panel'], panel.id);
      return [finding('EVENT-REF-1', 'WARN', `Panel '${panel.id}' refreshes on event '${type}', which nothing in '${ext.appId}' emits or subscribes to`,
        `Use one of: ${[...known].sort().join(', ') || '(no events declared)'} — or declare it with ext.emits('${type}') / a chat function's event: '${type}'`,
        site ? locate(site.file, site.call) : extAt)];
    });
  },
};
