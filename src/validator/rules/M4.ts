import { schemaRule } from '../manifest/rule.js';

/** M4 — imperal.json has an invalid top-level (or non-tools/signals/schedules) value. */
export const M4 = schemaRule('M4', 'imperal.json has an invalid top-level (or non-tools/signals/schedules) value');
