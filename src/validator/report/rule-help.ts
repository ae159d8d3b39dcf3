/**
 * Full help text of every rule for SARIF (`fullDescription`, `help`), kept in
 * rule-help.json: generated from the rules table of docs/validator.md, which
 * is not shipped in the package (a test keeps the two identical).
 *
 * @module
 */
import help from './rule-help.json' with { type: 'json' };

/** Help of one rule. */
export interface RuleHelp {
  readonly text: string;
  readonly markdown: string;
}

/** The help of `id`, when documented. */
export function ruleHelp(id: string): RuleHelp | undefined {
  return (help as Record<string, RuleHelp>)[id];
}
