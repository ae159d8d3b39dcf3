import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';
import { calleePath, unwrap } from '../source/nodes.js';

/** Cache methods whose second argument names the model. */
export const MODEL_METHODS = new Set(['get', 'set', 'getOrFetch']);

/**
 * CACHE-MODEL-1 — a model passed by reference to
 * `ctx.cache.get/set/getOrFetch(key, Model, …)` is one `ext.cacheModel()`
 * registers: the variable holding its result (`const Page =
 * ext.cacheModel('page', schema)`) or the schema passed there. Runs only when
 * the extension registers cache models at all (as 5.11); names given as
 * strings are CACHE-MODEL-2's.
 */
export const CACHE_MODEL_1: Rule = {
  id: 'CACHE-MODEL-1',
  level: 'ERROR',
  summary: 'ctx.cache calls must reference a model registered with ext.cacheModel',
  check({ source, ext }) {
    const registrations = source.registrations.filter((r) => r.method === 'cacheModel');
    const names = new Set([...registrations.map((r) => r.name), ...(ext?.cacheModels ?? []).map((m) => m.name)].filter((n): n is string => !!n));
    const schemas = new Set(registrations.map((r) => r.call.arguments[1]).flatMap((a) => (a?.type === 'Identifier' ? [a.name] : [])));
    // `const Page = ext.cacheModel('page', schema)`: the returned model, passed by its variable.
    for (const r of registrations) {
      const parent = r.ancestors[r.ancestors.length - 1];
      if (parent?.type === 'VariableDeclarator' && parent.init === r.call && parent.id.type === 'Identifier') schemas.add(parent.id.name);
    }
    if (names.size === 0 && schemas.size === 0) return [];
    return source.calls.flatMap(({ node, file }) => {
      const path = calleePath(node);
      if (path?.length !== 3 || path[0] !== 'ctx' || path[1] !== 'cache' || !MODEL_METHODS.has(path[2]!)) return [];
      const raw = node.arguments[1];
      const arg = raw ? unwrap(raw) : undefined;
      // Names given as strings are CACHE-MODEL-2's (5.11 checks models passed by reference).
      const ref = arg?.type === 'Identifier' ? arg.name : undefined;
      if (ref === undefined || schemas.has(ref)) return [];
      return [finding('CACHE-MODEL-1', 'ERROR',
        `ctx.cache.${path[2]}(...) references model '${ref}' which is not registered via ext.cacheModel(...). Register it or use a known model.`,
        `Register it at module scope: const ${ref} = ext.cacheModel('${ref.toLowerCase()}', schema), then pass that model`, locate(file, node))];
    });
  },
};
