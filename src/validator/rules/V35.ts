import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V35 — every file sink names a tool or chat function the extension registers. */
export const V35: Rule = {
  id: 'V35',
  level: 'ERROR',
  summary: 'ext.fileSink() must name a tool or chat function of the extension',
  check({ ext, extAt }) {
    if (!ext) return [];
    const known = new Set([...ext.tools.map((t) => t.name), ...ext.functions.map((f) => f.name)]);
    return ext.fileSinks
      .filter((sink) => !known.has(sink.tool))
      .map((sink) =>
        finding('V35', 'ERROR', `file_sink routes files to '${sink.tool}', which is not a tool or chat function of '${ext.appId}'`,
          `Register '${sink.tool}' with @chat.fn/@ext.tool, or point the sink at an existing one.`, extAt),
      );
  },
};
