import { semanticRule } from '../manifest/rule.js';

/** M7.3 — imperal.json emitted event types must be prefixed by the app id (checked only when M1–M5 pass). */
export const M7_3 = semanticRule('M7.3', 'imperal.json emitted event types must be prefixed by the app id');
