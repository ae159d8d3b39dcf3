import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V20 — write/destructive functions declare their effects (audit ledger, narrator). */
export const V20: Rule = {
  id: 'V20',
  level: 'WARN',
  summary: 'write/destructive chat functions should declare effects:',
  check({ functions }) {
    return functions.flatMap(({ record, at }) =>
      (record.actionType === 'write' || record.actionType === 'destructive') && record.effects.length === 0
        ? [finding('V20', 'WARN', `@chat.function '${record.name}' (${record.actionType}) should declare effects=['create:resource'] etc. (federal V20, error in v5.0.0)`,
            "Pass effects: ['create:note'] or ['delete:folder'] etc. Used by chain narrator + audit ledger.", at)]
        : []);
  },
};
