import { schemaRule } from '../manifest/rule.js';

/** M5 — imperal.json has an invalid value inside tools, signals or schedules. */
export const M5 = schemaRule('M5', 'imperal.json has an invalid value inside tools, signals or schedules');
