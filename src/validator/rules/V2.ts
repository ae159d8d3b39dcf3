import { finding } from '../finding.js';
import type { Rule } from '../context.js';

/** V2 — the version must start with `MAJOR.MINOR.PATCH`. */
export const V2: Rule = {
  id: 'V2',
  level: 'ERROR',
  summary: 'version must be valid semver',
  check({ ext, extAt }) {
    if (!ext || /^\d+\.\d+\.\d+/.test(ext.version)) return [];
    return [finding('V2', 'ERROR', `version '${ext.version}' must be valid semver (e.g. '1.0.0')`, 'Set version to a valid semver string', extAt)];
  },
};
