import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** LLM providers cap tool names at 64 characters; the kernel qualifies them as `<app_id>__<tool>`. */
const MAX_QUALIFIED = 64;

/** V33 — qualified tool names fit the 64-character limit of LLM tool names. */
export const V33: Rule = {
  id: 'V33',
  level: 'WARN',
  summary: 'app_id + 2 + tool name must not exceed 64 characters',
  check({ ext, functions, extAt }) {
    if (!ext) return [];
    const named = [...ext.tools.map((t) => ({ name: t.name, at: extAt })), ...functions.map((f) => ({ name: f.record.name, at: f.at }))];
    return named.filter(({ name }) => ext.appId.length + 2 + name.length > MAX_QUALIFIED).map(({ name, at }) => finding('V33', 'WARN',
      `Tool '${name}' qualified as '${ext.appId}__${name}' is ${ext.appId.length + 2 + name.length} chars — LLM tool names are capped at ${MAX_QUALIFIED}`,
      'Shorten the tool name (or the app id).', at));
  },
};
