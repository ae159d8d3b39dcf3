import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V8 — without `imperal.json` the manifest cannot be cross-checked (message and fix are upstream's, verbatim). */
export const V8: Rule = {
  id: 'V8',
  level: 'WARN',
  summary: 'imperal.json is missing, so the manifest cannot be verified',
  check({ manifest }) {
    if (manifest.exists) return [];
    return [finding('V8', 'WARN', 'Cannot verify imperal.json manifest (runtime validation)',
      "Run 'imperal build' to generate imperal.json, then 'imperal validate' again")];
  },
};
