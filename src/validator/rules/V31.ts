import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/**
 * V31 — `system: true` is for first-party extensions. Fires only when both
 * `IMPERAL_AUTHOR_ID` and the allowlist `IMPERAL_FIRSTPARTY_AUTHOR_IDS`
 * (comma-separated) are set, as in SDK 5.11; the Dev Portal is the real gate.
 */
export const V31: Rule = {
  id: 'V31',
  level: 'ERROR',
  summary: 'system: true is reserved for first-party Imperal extensions',
  check({ ext, env, extAt }) {
    const author = env.IMPERAL_AUTHOR_ID?.trim();
    const allow = (env.IMPERAL_FIRSTPARTY_AUTHOR_IDS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!ext?.system || !author || allow.length === 0 || allow.includes(author)) return [];
    return [finding('V31', 'ERROR',
      `new Extension(..., { system: true }) is reserved for first-party Imperal extensions (admin / billing / developer / automations). Author '${author}' is not in the Imperal author allowlist.`,
      'Drop system: true from your new Extension(...) call. Your app will publish through the normal marketplace flow and users will install it explicitly.', extAt)];
  },
};
