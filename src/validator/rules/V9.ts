import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V9 — an extension should register a health check. */
export const V9: Rule = {
  id: 'V9',
  level: 'WARN',
  summary: 'No health check registered',
  check({ ext }) {
    if (!ext || ext.healthCheck) return [];
    return [finding('V9', 'WARN', 'No health check registered (ext.healthCheck())', 'Register one: decorate a method with @ext.healthCheck() (or ext.healthCheck()(fn))')];
  },
};
