import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V24 — write/destructive functions should declare their return shape too (advisory). */
export const V24: Rule = {
  id: 'V24',
  level: 'WARN',
  summary: 'write/destructive chat functions should declare a returns: schema',
  check({ functions }) {
    return functions.flatMap(({ record, at }) =>
      (record.actionType === 'write' || record.actionType === 'destructive') && record.returns === undefined
        ? [finding('V24', 'WARN',
            `@chat.fn '${record.name}' (actionType: '${record.actionType}') lacks a returns: schema. Recommended: typing write/destructive returns so narrator + audit ledger see the resulting entity shape.`,
            `Pass returns: <zod schema of the data> to @chat.fn('${record.name}').`, at)]
        : []);
  },
};
