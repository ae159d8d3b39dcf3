import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';
import { memberPath } from '../source/nodes.js';

/** SKEL-GUARD-2 — `ctx.skeleton_data` (and its camelCase spelling) no longer exists. */
export const SKEL_GUARD_2: Rule = {
  id: 'SKEL-GUARD-2',
  level: 'ERROR',
  summary: 'ctx.skeleton_data was removed',
  check({ source }) {
    return source.members.flatMap(({ node, file }) => {
      const path = memberPath(node);
      if (path?.length !== 2 || path[0] !== 'ctx' || (path[1] !== 'skeleton_data' && path[1] !== 'skeletonData')) return [];
      return [finding('SKEL-GUARD-2', 'ERROR', 'ctx.skeleton_data was removed in v1.6.0.',
        'Call `await ctx.skeleton.get(section)` from a @ext.skeleton tool instead.', locate(file, node))];
    });
  },
};
