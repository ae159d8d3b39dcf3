import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { paramsOf } from '../source/handler.js';

/** `do_thing` → `DoThing` (the upstream naming of the suggested params model). */
export function pascalName(name: string): string {
  return name.split('_').map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join('');
}

/** V6 — a handler that takes params gets them through a schema passed as `params:`. */
export const V6: Rule = {
  id: 'V6',
  level: 'WARN',
  summary: 'A chat function that takes params should declare them as a zod object schema passed as params:',
  checkFunction({ record, handler, at }) {
    if (!handler || record.params !== undefined || paramsOf(handler).length < 2) return [];
    return [finding('V6', 'WARN', `@chat.fn '${record.name}' takes params but declares no params: schema`,
      `Create a schema for params: const ${pascalName(record.name)}Params = z.object({ ... }) and pass params: ${pascalName(record.name)}Params`, at)];
  },
};
