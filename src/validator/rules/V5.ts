import type { Rule } from '../context.js';
import { finding } from '../finding.js';
import { returnsActionResult, returnTypeText } from '../source/handler.js';

/**
 * V5 — a chat function returns an `ActionResult`: its written return type
 * mentions `ActionResult` (as 5.11 reads the annotation), or — unwritten —
 * the return type TypeScript infers is `ActionResult`/`Promise<ActionResult<T>>`
 * (the project's own compiler; every `return` being an `ActionResult` when it
 * cannot tell).
 */
export const V5: Rule = {
  id: 'V5',
  level: 'ERROR',
  summary: 'A chat function must return ActionResult (written or inferred return type)',
  checkFunction({ record, site, handler, at }, { types }) {
    if (!site || !handler) return [];
    const declared = returnTypeText(handler, site.file.text);
    const inferred = declared === undefined ? types.verdict(site.file.path, handler.body.start ?? -1) : undefined;
    if (returnsActionResult(handler, declared, inferred)) return [];
    return [finding('V5', 'ERROR', `@chat.fn '${record.name}' must return ActionResult`,
      'Return ActionResult.success(data, { summary }) / ActionResult.error(message, { code }) from every path (the return type is then inferred), or annotate Promise<ActionResult<T>>', at)];
  },
};
