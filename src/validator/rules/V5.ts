import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { returnTypeText, returnsOnlyActionResult } from '../source/handler.js';

/**
 * V5 — a chat function returns an `ActionResult`: its declared return type
 * mentions `ActionResult` (`Promise<ActionResult<T>>`), or, undeclared, every
 * `return` is an `ActionResult.success(...)`/`.error(...)` call.
 */
export const V5: Rule = {
  id: 'V5',
  level: 'ERROR',
  summary: '@chat.function must return ActionResult',
  checkFunction({ record, site, handler, at }) {
    if (!site || !handler) return [];
    const declared = returnTypeText(handler, site.file.text);
    const ok = declared === undefined ? returnsOnlyActionResult(handler) : declared.includes('ActionResult');
    if (ok) return [];
    return [finding('V5', 'ERROR', `@chat.function '${record.name}' must return ActionResult`,
      'Add return type annotation: Promise<ActionResult> (and return ActionResult.success(...) / ActionResult.error(...))', at)];
  },
};
