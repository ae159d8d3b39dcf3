import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** SARIF help of one rule: plain text and markdown. */
export interface RuleHelp {
  readonly text: string;
  readonly markdown: string;
}

/**
 * Help per rule id, from the rules table of docs/validator.md
 * (`| id | level | triggers | fix |`), as src/validator/report/rule-help.json
 * holds it (the docs are not shipped in the package; the JSON is).
 */
export function ruleHelpFromDocs(repo: string): Record<string, RuleHelp> {
  const doc = readFileSync(join(repo, 'docs/validator.md'), 'utf8');
  const out: Record<string, RuleHelp> = {};
  for (const line of doc.split('\n')) {
    if (!/^\| [A-Z][A-Za-z0-9._-]* \| (ERROR|WARN|INFO)/.test(line)) continue;
    const cells = line.slice(2, -2).split(' | ').map((c) => c.replace(/\\\|/g, '|').trim());
    const [id, level, triggers, fix] = cells as [string, string, string, string];
    const markdown = `**${id}** (${level}) — ${triggers}\n\n**Fix:** ${fix}`;
    out[id] = { text: markdown.replace(/\*\*/g, '').replace(/`/g, ''), markdown };
  }
  return out;
}
