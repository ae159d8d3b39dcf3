import { schemaRule } from '../manifest/rule.js';

/** M1 — imperal.json root must be a JSON object. */
export const M1 = schemaRule('M1', 'imperal.json root must be a JSON object');
