import { schemaRule } from '../manifest/rule.js';

/** M2 — imperal.json is missing a required field. */
export const M2 = schemaRule('M2', 'imperal.json is missing a required field');
