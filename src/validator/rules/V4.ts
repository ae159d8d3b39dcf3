import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** The action types the kernel knows. */
export const ACTION_TYPES: readonly string[] = ['read', 'write', 'destructive'];

/** V4 — every chat function declares a known action type. */
export const V4: Rule = {
  id: 'V4',
  level: 'ERROR',
  summary: "A chat function must have an explicit actionType ('read', 'write', or 'destructive')",
  checkFunction({ record, at }) {
    if (ACTION_TYPES.includes(record.actionType)) return [];
    return [finding('V4', 'ERROR',
      `@chat.fn '${record.name}' must have an explicit actionType ('read', 'write', or 'destructive'), got '${String(record.actionType)}'`,
      `Add actionType: 'read' (or 'write'/'destructive') to @chat.fn('${record.name}')`, at)];
  },
};
