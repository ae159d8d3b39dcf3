import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V19 — actions are explicit, and every write/destructive function is chain-callable. */
export const V19: Rule = {
  id: 'V19',
  level: 'ERROR',
  summary: 'actionsExplicit must be true and write/destructive chat functions chain-callable',
  check({ ext, extAt, functions }) {
    if (!ext) return [];
    if (!ext.actionsExplicit) {
      return [finding('V19', 'ERROR', `Extension '${ext.appId}' must set actionsExplicit: true`,
        'Set new Extension(appId, { actionsExplicit: true }). Declares that every write/destructive @chat.fn function is chain-callable as a typed structured call — closes the chain-planner BYOLLM-router gap.', extAt)];
    }
    return functions.flatMap(({ record, at }) =>
      (record.actionType === 'write' || record.actionType === 'destructive') && !record.chainCallable
        ? [finding('V19', 'ERROR', `@chat.fn '${record.name}' (actionType: '${record.actionType}') must be chainCallable under actionsExplicit: true`,
            `Default is true for writes — remove chainCallable: false from @chat.fn('${record.name}').`, at)]
        : []);
  },
};
