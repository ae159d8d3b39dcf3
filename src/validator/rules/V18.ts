import type { Rule } from '../context.js';
import { finding } from '../finding.js';
import { returnsActionResult, returnTypeText } from '../source/handler.js';

/**
 * V18 — the handler's return is typed: a written return type, a return type
 * TypeScript infers as `ActionResult<T>`, or a `returns:` schema.
 */
export const V18: Rule = {
  id: 'V18',
  level: 'ERROR',
  summary: 'Chat function handler must have a typed return (written or inferred ActionResult, or a returns: schema)',
  check({ functions, types }) {
    return functions.flatMap(({ record, site, handler, at }) => {
      if (!site || !handler || record.returns !== undefined) return [];
      if (returnTypeText(handler, site.file.text) !== undefined) return [];
      if (returnsActionResult(handler, undefined, types.verdict(site.file.path, handler.body.start ?? -1))) return [];
      return [finding('V18', 'ERROR',
        `@chat.fn '${record.name}' must have a typed return: Promise<ActionResult<T>> (written or inferred) or a returns: schema`,
        'Return ActionResult.success(...)/ActionResult.error(...) (or annotate Promise<ActionResult<T>>), or pass returns: <zod schema>; the platform reads return_schema from imperal.json for typed dispatch.', at)];
    });
  },
};
