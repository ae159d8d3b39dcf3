import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { accessLines, paramsOf } from '../source/handler.js';

/**
 * V24-AST — chat function handlers never touch `ctx.skeleton` (the LLM's
 * context snapshot). The context is the handler's first parameter, whatever
 * it is called.
 */
export const V24_AST: Rule = {
  id: 'V24-AST',
  level: 'ERROR',
  summary: 'Chat function handlers must not access ctx.skeleton',
  check({ functions }) {
    return functions.flatMap(({ record, handler, site, at }) => {
      if (!handler || !site) return [];
      const ctxName = paramsOf(handler)[0]?.name ?? 'ctx';
      const lines = accessLines(handler, ctxName, 'skeleton');
      if (lines.length === 0) return [];
      return [finding('V24-AST', 'ERROR',
        `@chat.fn '${record.name}' accesses ctx.skeleton at line(s) [${lines.join(', ')}] — forbidden. Skeleton is the LLM context cache (read by router/narrator), not a data source.`,
        'Use ctx.store or ctx.http to fetch from the real backend. Skeleton is updated AFTER actions via @ext.skeleton refresh functions, not read inline by handlers.',
        { file: site.file.rel, line: lines[0]! })];
    });
  },
};
