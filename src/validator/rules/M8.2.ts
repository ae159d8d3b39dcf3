import { semanticRule } from '../manifest/rule.js';

/** M8.2 — imperal.json exposed method names must be unique (checked only when M1–M5 pass). */
export const M8_2 = semanticRule('M8.2', 'imperal.json exposed method names must be unique');
