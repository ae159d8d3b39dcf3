import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { pyLen, pyRepr } from '../text.js';

/** V14 — the extension description is a real sentence (≥ 40 chars, not the app id). */
export const V14: Rule = {
  id: 'V14',
  level: 'ERROR',
  summary: 'Extension description must be ≥ 40 chars and differ from app_id',
  check({ ext, extAt }) {
    if (!ext) return [];
    const d = ext.description;
    if (d && pyLen(d.trim()) >= 40 && d.trim() !== ext.appId) return [];
    return [finding('V14', 'ERROR',
      `Extension '${ext.appId}' description must be ≥40 chars and ≠ app_id (got len=${pyLen(d)}, value=${pyRepr([...d].slice(0, 40).join(''))})`,
      "Set new Extension(appId, { description: '...' }) to a sentence describing what the extension does. Webbee shows this in 'what can you do?' — without it the user sees a bare slug.",
      extAt)];
  },
};
