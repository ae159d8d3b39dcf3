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
        ? [finding('V20', 'WARN', `@chat.fn '${record.name}' (${record.actionType}) should declare effects: ['create:resource'] etc.`,
            "Pass effects: ['create:note'] or ['delete:folder'] etc. Declared intent for the chain narrator and the audit ledger.", at)]
        : []);
  },
};
