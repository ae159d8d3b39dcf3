import { finding } from '../finding.js';
import type { Rule } from '../context.js';

const LEGACY_ENTRY = /^tool_.+_chat$/;

/** V25 — no legacy ChatExtension entry tool (`tool_*_chat`): 5.x routes chat functions directly. */
export const V25: Rule = {
  id: 'V25',
  level: 'ERROR',
  summary: 'No tool named tool_*_chat (the removed ChatExtension entry tool)',
  check({ ext, extAt }) {
    if (!ext) return [];
    const names = [...ext.tools.map((t) => t.name), ...ext.functions.map((f) => f.name)];
    return names.filter((n) => LEGACY_ENTRY.test(n)).map((n) => finding('V25', 'ERROR',
      `Tool '${n}' is named like a legacy ChatExtension entry tool (tool_*_chat); SDK 5.x manifests must not contain one`,
      'Rename it: chat entry tools were removed in SDK 5.0 and the kernel rejects them.', extAt));
  },
};
