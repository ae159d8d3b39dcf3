import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';
import { calleePath, numberValue, objectProperty } from '../source/nodes.js';

/** The cache TTL range the gateway accepts, in seconds. */
export const CACHE_TTL_RANGE = [5, 300] as const;

/** CACHE-TTL-1 — a literal `ttlSeconds` given to `ctx.cache.set/getOrFetch` lies in [5, 300]. */
export const CACHE_TTL_1: Rule = {
  id: 'CACHE-TTL-1',
  level: 'ERROR',
  summary: 'ctx.cache ttlSeconds must be within [5, 300]',
  check({ source }) {
    return source.calls.flatMap(({ node, file }) => {
      const path = calleePath(node);
      if (path?.length !== 3 || path[0] !== 'ctx' || path[1] !== 'cache' || (path[2] !== 'set' && path[2] !== 'getOrFetch')) return [];
      return node.arguments.flatMap((arg) => {
        if (arg.type !== 'ObjectExpression') return [];
        const ttlNode = objectProperty(arg, 'ttlSeconds') ?? objectProperty(arg, 'ttl_seconds');
        const ttl = numberValue(ttlNode);
        if (ttl === undefined || (ttl >= CACHE_TTL_RANGE[0] && ttl <= CACHE_TTL_RANGE[1])) return [];
        return [finding('CACHE-TTL-1', 'ERROR', `ctx.cache.${path[2]}(..., { ttlSeconds: ${ttl} }) is outside [5, 300].`,
          'Clamp ttlSeconds to [5, 300].', locate(file, node))];
      });
    });
  },
};
