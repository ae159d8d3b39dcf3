import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V9 — an extension should register a health check. */
export const V9: Rule = {
  id: 'V9',
  level: 'WARN',
  summary: 'No health check registered',
  check({ ext }) {
    if (!ext || ext.healthCheck) return [];
    return [finding('V9', 'WARN', 'No @ext.health_check registered', 'Add @ext.healthCheck() to a health check function')];
  },
};
