import type { Rule } from '../context.js';
import { finding } from '../finding.js';
import { locate } from '../source/index.js';
import { calleePath, objectProperty, stringValue } from '../source/nodes.js';

/** `/ext/<app>/<panel>` (query and fragment ignored) → `[app, panel]`. */
function panelPath(path: string): [string, string] | undefined {
  const m = /^\/ext\/([^/?#]+)\/([^/?#]+)/.exec(path);
  return m ? [m[1]!, m[2]!] : undefined;
}

/**
 * UI-REF-1 — a `ui.Call('fn')`, a Form's `action: 'fn'` or a
 * `ui.Navigate('/ext/<app>/<panel>')` names a chat function, tool or panel the
 * extension registers: a typo there fails only when a user clicks.
 */
export const UI_REF_1: Rule = {
  id: 'UI-REF-1',
  level: 'WARN',
  summary: 'ui.Call / Form action / ui.Navigate must name a function, tool or panel the extension registers',
  check({ ext, source }) {
    if (!ext) return [];
    const callable = new Set([...ext.functions.map((f) => f.name), ...ext.tools.map((t) => t.name), ...ext.exposed.map((e) => e.name)]);
    const panels = new Set(ext.panels.map((p) => p.id));
    const known = [...callable].filter((n) => !n.startsWith('__')).sort().join(', ') || '(none)';
    return source.calls.flatMap(({ node, file }) => {
      const path = calleePath(node);
      const last = path?.[path.length - 1];
      if (!path || path.length > 2 || (last !== 'Call' && last !== 'Navigate' && last !== 'Form')) return [];
      if (last === 'Call') {
        const fn = stringValue(node.arguments[0]);
        if (fn === undefined || callable.has(fn)) return [];
        return [finding('UI-REF-1', 'WARN', `ui.Call('${fn}') names no chat function or tool of '${ext.appId}'`,
          `Use one of: ${known}`, locate(file, node))];
      }
      if (last === 'Form') {
        const options = node.arguments[1];
        const action = options?.type === 'ObjectExpression' ? stringValue(objectProperty(options, 'action')) : undefined;
        if (action === undefined || callable.has(action)) return [];
        return [finding('UI-REF-1', 'WARN', `ui.Form(..., { action: '${action}' }) names no chat function or tool of '${ext.appId}'`,
          `Use one of: ${known}`, locate(file, node))];
      }
      const target = stringValue(node.arguments[0]);
      const parts = target === undefined ? undefined : panelPath(target);
      if (!parts || parts[0] !== ext.appId || panels.has(parts[1])) return [];
      return [finding('UI-REF-1', 'WARN', `ui.Navigate('${target}') names no panel of '${ext.appId}'`,
        `Use one of: ${[...panels].sort().map((p) => `/ext/${ext.appId}/${p}`).join(', ') || '(no panels registered)'}`, locate(file, node))];
    });
  },
};
