import { schemaRule } from '../manifest/rule.js';

/** M3 — imperal.json has a field the manifest schema does not know. */
export const M3 = schemaRule('M3', 'imperal.json has a field the manifest schema does not know');
