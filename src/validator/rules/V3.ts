import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { countsOf } from '../model.js';

/** V3 — an extension needs at least one author tool or a ChatExtension. */
export const V3: Rule = {
  id: 'V3',
  level: 'ERROR',
  summary: 'Extension must have at least one ext.tool or ChatExtension',
  check({ ext, extAt }) {
    // SDK 5 registers no chat entry tool, so an empty ChatExtension exposes nothing.
    if (!ext || countsOf(ext).tools > 0 || ext.functions.length > 0) return [];
    return [finding('V3', 'ERROR', 'Extension must have at least one @ext.tool or ChatExtension', 'Add an @ext.tool or a @chat.fn function', extAt)];
  },
};
