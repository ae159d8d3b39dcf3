import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { pyLen } from '../text.js';

/** V16 — chat function descriptions tell the LLM when to call them (≥ 20 chars). */
export const V16: Rule = {
  id: 'V16',
  level: 'ERROR',
  summary: 'Chat function description must be ≥ 20 chars',
  check({ functions }) {
    return functions.flatMap(({ record, at }) => {
      const n = pyLen(record.description.trim());
      if (record.name.startsWith('__') || n >= 20) return [];
      return [finding('V16', 'ERROR', `@chat.fn '${record.name}' (tool ${record.ownerChatTool}) description must be ≥20 chars (got len=${n})`,
        "Set @chat.fn(name, { description: '...' }) to a sentence describing inputs, outputs, and when to use it. The LLM uses this to choose tools.", at)];
    });
  },
};
