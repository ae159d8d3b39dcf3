import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V12 — an install hook is worth having (first-time setup). */
export const V12: Rule = {
  id: 'V12',
  level: 'INFO',
  summary: 'No onInstall lifecycle hook',
  check({ ext }) {
    if (!ext || ext.lifecycle.some((h) => h.kind === 'on_install')) return [];
    return [finding('V12', 'INFO', 'No install hook registered (ext.onInstall())', 'Consider adding @ext.onInstall() for first-time setup')];
  },
};
