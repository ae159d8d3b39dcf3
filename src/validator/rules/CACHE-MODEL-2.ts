import type { Rule } from '../context.js';
import { finding } from '../finding.js';
import { locate } from '../source/index.js';
import { calleePath, stringValue } from '../source/nodes.js';
import { MODEL_METHODS } from './CACHE-MODEL-1.js';

/**
 * CACHE-MODEL-2 — a cache model named by a string (`ctx.cache.get(key,
 * 'page')`) is one `ext.cacheModel('page', …)` registers. CACHE-MODEL-1 (as
 * 5.11) checks models passed by reference; a mistyped name is only found here.
 */
export const CACHE_MODEL_2: Rule = {
  id: 'CACHE-MODEL-2',
  level: 'WARN',
  summary: 'A cache model named by a string in ctx.cache calls must be registered with ext.cacheModel',
  check({ source, ext }) {
    const names = new Set([
      ...source.registrations.filter((r) => r.method === 'cacheModel').map((r) => r.name),
      ...(ext?.cacheModels ?? []).map((m) => m.name),
    ].filter((n): n is string => !!n));
    return source.calls.flatMap(({ node, file }) => {
      const path = calleePath(node);
      if (path?.length !== 3 || path[0] !== 'ctx' || path[1] !== 'cache' || !MODEL_METHODS.has(path[2]!)) return [];
      const name = stringValue(node.arguments[1]);
      if (name === undefined || names.has(name)) return [];
      return [finding('CACHE-MODEL-2', 'WARN', `ctx.cache.${path[2]}(...) names cache model '${name}', which no ext.cacheModel('${name}', …) registers`,
        names.size > 0 ? `Use one of: ${[...names].sort().join(', ')}` : `Register it at module scope: ext.cacheModel('${name}', schema)`, locate(file, node))];
    });
  },
};
