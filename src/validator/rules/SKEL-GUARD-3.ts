import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';
import { calleePath } from '../source/nodes.js';

/** SKEL-GUARD-3 — extensions never write the skeleton; the kernel persists refresh results. */
export const SKEL_GUARD_3: Rule = {
  id: 'SKEL-GUARD-3',
  level: 'ERROR',
  summary: 'ctx.skeleton.update() was removed; the kernel is the sole writer',
  check({ source }) {
    return source.calls.flatMap(({ node, file }) =>
      calleePath(node)?.join('.') === 'ctx.skeleton.update'
        ? [finding('SKEL-GUARD-3', 'ERROR', 'ctx.skeleton.update() was removed in v1.6.0; kernel is sole writer.',
            'Return the refresh payload from a @ext.skeleton tool; kernel persists it.', locate(file, node))]
        : []);
  },
};
