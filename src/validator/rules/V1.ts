import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** The app id pattern the platform accepts (≥ 2 chars, lowercase, digits, inner hyphens). */
export const APP_ID_PATTERN = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

/** V1 — the app id must be a lowercase slug. */
export const V1: Rule = {
  id: 'V1',
  level: 'ERROR',
  summary: "app_id must match [a-z0-9][a-z0-9-]*[a-z0-9] (2+ chars, no uppercase)",
  check({ ext, extAt }) {
    if (!ext || APP_ID_PATTERN.test(ext.appId)) return [];
    const fix = ext.appId
      ? `Change app_id to '${ext.appId.toLowerCase().replace(/ /g, '-')}'`
      : 'Set app_id to a valid lowercase identifier';
    return [finding('V1', 'ERROR', `app_id '${ext.appId}' must match [a-z0-9][a-z0-9-]*[a-z0-9] (2+ chars, no uppercase)`, fix, extAt)];
  },
};
