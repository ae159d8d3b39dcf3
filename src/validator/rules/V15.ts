import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { pyLen } from '../text.js';

/** V15 — the display name is human-readable (≥ 3 chars, not the slug). */
export const V15: Rule = {
  id: 'V15',
  level: 'ERROR',
  summary: 'Extension displayName must be ≥ 3 chars and differ from app_id',
  check({ ext, extAt }) {
    if (!ext) return [];
    const dn = ext.displayName;
    if (!dn || pyLen(dn.trim()) < 3) {
      return [finding('V15', 'ERROR', `Extension '${ext.appId}' displayName must be ≥3 chars (got len=${pyLen(dn)}, value='${dn}')`,
        "Set new Extension(appId, { displayName: 'Notes' }) — human-readable, not the slug.", extAt)];
    }
    if (dn.trim() === ext.appId) {
      return [finding('V15', 'ERROR',
        `Extension displayName '${dn}' verbatim equals the app id '${ext.appId}' — provide a human-readable name (e.g. 'Notes' for app id 'notes')`,
        "Use 'Notes' instead of 'notes', 'Mail Inbox' instead of 'mail-inbox', etc.", extAt)];
    }
    return [];
  },
};
