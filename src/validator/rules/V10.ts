import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V10 — write/destructive functions name the event they cause. */
export const V10: Rule = {
  id: 'V10',
  level: 'WARN',
  summary: 'write/destructive chat functions should declare event:',
  checkFunction({ record, at }, { ext }) {
    if (record.actionType !== 'write' && record.actionType !== 'destructive') return [];
    if (record.event) return [];
    return [finding('V10', 'WARN', `@chat.fn '${record.name}' (actionType: '${record.actionType}') has no event:`,
      `Add event: '${ext?.appId ?? '<app>'}.${record.name.replace(/^fn_/, '')}' to its @chat.fn options`, at)];
  },
};
