import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** M0 — imperal.json parses as JSON. */
export const M0: Rule = {
  id: 'M0',
  level: 'ERROR',
  summary: 'imperal.json must be valid JSON',
  check({ manifest }) {
    if (!manifest.syntaxError) return [];
    return [finding('M0', 'ERROR', `imperal.json is not valid JSON: ${manifest.syntaxError.message}`,
      'Fix the JSON syntax error at the reported line', { file: 'imperal.json', line: manifest.syntaxError.line })];
  },
};
