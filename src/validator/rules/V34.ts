import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V34 — an extension says what it may access: capabilities or tool scopes (ERROR for system apps). */
export const V34: Rule = {
  id: 'V34',
  level: 'WARN',
  summary: 'Extension should declare capabilities or tool scopes (ERROR when system: true)',
  check({ ext, extAt }) {
    if (!ext || ext.capabilities.length > 0 || ext.tools.some((t) => t.scopes.length > 0)) return [];
    return [finding('V34', ext.system ? 'ERROR' : 'WARN', `Extension '${ext.appId}' declares no capabilities and no tool scopes`,
      `Declare capabilities: ['${ext.appId}:read'] (or scopes on its tools) so users see what it may access.`, extAt)];
  },
};
