import { semanticRule } from '../manifest/rule.js';

/** M6.3 — imperal.json webhook paths must be unique (checked only when M1–M5 pass). */
export const M6_3 = semanticRule('M6.3', 'imperal.json webhook paths must be unique');
