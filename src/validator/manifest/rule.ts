/**
 * Builds the M-rules: each reports the manifest issues of its own id.
 *
 * @module
 */
import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { manifestIssues } from './read.js';
import { semanticIssues } from './semantic.js';

const AT = { file: 'imperal.json', line: 0 };

/** An M1–M5 rule: one classification of the schema check. */
export function schemaRule(id: 'M1' | 'M2' | 'M3' | 'M4' | 'M5', summary: string): Rule {
  return {
    id,
    level: 'ERROR',
    summary,
    check: ({ manifest }) => manifestIssues(manifest).filter((i) => i.rule === id).map((i) => finding(id, 'ERROR', i.message, i.fix, AT)),
  };
}

/** An M6.3/M7.3/M8.2 rule: checked only when the manifest passes M1–M5. */
export function semanticRule(id: 'M6.3' | 'M7.3' | 'M8.2', summary: string): Rule {
  return {
    id,
    level: 'ERROR',
    summary,
    check({ manifest }) {
      if (!manifest.exists || manifest.syntaxError || manifestIssues(manifest).length > 0) return [];
      return semanticIssues(manifest.data as Record<string, unknown>).filter((i) => i.rule === id).map((i) => finding(id, 'ERROR', i.message, i.fix, AT));
    },
  };
}
