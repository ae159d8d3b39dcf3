/**
 * Every rule, in the order findings are reported (the upstream order): the
 * identity rules V1–V3, the per-function rules (function by function), the
 * other extension rules, source rules, and the manifest rules.
 *
 * @module
 */
import type { Rule } from '../context.js';
import { V1 } from './V1.js';
import { V2 } from './V2.js';
import { V3 } from './V3.js';
import { V4 } from './V4.js';
import { V5 } from './V5.js';
import { V6 } from './V6.js';
import { V7 } from './V7.js';
import { V8 } from './V8.js';
import { V9 } from './V9.js';
import { V10 } from './V10.js';
import { V11 } from './V11.js';
import { V12 } from './V12.js';
import { V13 } from './V13.js';
import { V14 } from './V14.js';
import { V15 } from './V15.js';
import { V16 } from './V16.js';
import { V17 } from './V17.js';
import { V18 } from './V18.js';
import { V19 } from './V19.js';
import { V20 } from './V20.js';
import { V21 } from './V21.js';
import { V22 } from './V22.js';
import { V23 } from './V23.js';
import { V24 } from './V24.js';
import { V24_AST } from './V24-AST.js';
import { V25 } from './V25.js';
import { V31 } from './V31.js';
import { V32 } from './V32.js';
import { IMPERAL_SECRET_DECLARED } from './IMPERAL-SECRET-DECLARED.js';
import { V33 } from './V33.js';
import { V34 } from './V34.js';
import { V35 } from './V35.js';
import { BIND_1 } from './BIND-1.js';
import { CRON_1 } from './CRON-1.js';
import { SKEL_GUARD_1 } from './SKEL-GUARD-1.js';
import { SKEL_GUARD_2 } from './SKEL-GUARD-2.js';
import { SKEL_GUARD_3 } from './SKEL-GUARD-3.js';
import { CACHE_MODEL_1 } from './CACHE-MODEL-1.js';
import { CACHE_TTL_1 } from './CACHE-TTL-1.js';
import { PANEL_SLOT_1 } from './PANEL-SLOT-1.js';
import { MANIFEST_SKELETON_1 } from './MANIFEST-SKELETON-1.js';
import { UI_REF_1 } from './UI-REF-1.js';
import { EVENT_REF_1 } from './EVENT-REF-1.js';
import { CACHE_MODEL_2 } from './CACHE-MODEL-2.js';
import { MANIFEST_STALE_1 } from './MANIFEST-STALE-1.js';
import { M0 } from './M0.js';
import { M1 } from './M1.js';
import { M2 } from './M2.js';
import { M3 } from './M3.js';
import { M4 } from './M4.js';
import { M5 } from './M5.js';
import { M6_3 } from './M6.3.js';
import { M7_3 } from './M7.3.js';
import { M8_2 } from './M8.2.js';
import { SDK_VERSION_1 } from './SDK-VERSION-1.js';

/** Extension rules reported before the per-function block (upstream emits V1–V3 first). */
export const LEADING_RULES: readonly Rule[] = [V1, V2, V3];

/** Rules run per chat function, in this order, after {@link LEADING_RULES}. */
export const FUNCTION_RULES: readonly Rule[] = [V4, V5, V6, V10, V11];

/** The other extension-wide rules over the loaded registry (and the handlers' source). */
export const EXTENSION_RULES: readonly Rule[] = [
  V7, V8, V9, V12, V13, V14, V15, V16, V17, V18, V19, V20, V21, V22, V23, V24, V24_AST, V25,
  V31, V32, V33, V34, V35, IMPERAL_SECRET_DECLARED, BIND_1, CRON_1, EVENT_REF_1,
];

/** Source rules over the whole tree. */
export const SOURCE_RULES: readonly Rule[] = [
  SKEL_GUARD_1, SKEL_GUARD_2, SKEL_GUARD_3, CACHE_MODEL_1, CACHE_TTL_1, PANEL_SLOT_1, MANIFEST_SKELETON_1,
  CACHE_MODEL_2, UI_REF_1,
];

/** Rules over `imperal.json`. */
export const MANIFEST_RULES: readonly Rule[] = [M0, M1, M2, M3, M4, M5, M6_3, M7_3, M8_2, SDK_VERSION_1, MANIFEST_STALE_1];

/** Every rule, in report order. */
export const ALL_RULES: readonly Rule[] = [...LEADING_RULES, ...FUNCTION_RULES, ...EXTENSION_RULES, ...SOURCE_RULES, ...MANIFEST_RULES];

/** Findings that do not come from a rule file: problems loading or parsing the extension. */
export const LOADER_RULES: ReadonlyArray<Pick<Rule, 'id' | 'level' | 'summary'>> = [
  { id: 'LOAD', level: 'ERROR', summary: 'The extension could not be bundled, imported or found' },
  { id: 'PARSE', level: 'WARN', summary: 'A source file could not be parsed; source rules skipped it' },
];
