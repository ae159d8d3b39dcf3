import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V11 — handlers carry a TSDoc/JSDoc comment (TypeScript's docstring). */
export const V11: Rule = {
  id: 'V11',
  level: 'WARN',
  summary: 'chat function handlers should have a TSDoc comment',
  checkFunction({ record, site, at }) {
    if (!site || site.documented) return [];
    return [finding('V11', 'WARN', `@chat.fn '${record.name}' has no TSDoc comment`,
      'Add a TSDoc comment (/** … */) above the handler', at)];
  },
};
