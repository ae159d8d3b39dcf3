import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { returnTypeText } from '../source/handler.js';

/** V18 — the handler declares its return type (or the function declares a `returns:` schema). */
export const V18: Rule = {
  id: 'V18',
  level: 'ERROR',
  summary: 'Chat function handler must declare a typed return (annotation or returns: schema)',
  check({ functions }) {
    return functions.flatMap(({ record, site, handler, at }) => {
      if (!site || !handler || record.returns !== undefined) return [];
      if (returnTypeText(handler, site.file.text) !== undefined) return [];
      return [finding('V18', 'ERROR',
        `@chat.function '${record.name}' must declare a typed return annotation: \`\`Promise<ActionResult>\`\` (or a returns: schema)`,
        'Annotate the handler return as ``Promise<ActionResult<T>>``. Federal V18 — kernel reads return_schema from manifest for typed dispatch.', at)];
    });
  },
};
