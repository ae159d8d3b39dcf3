import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, LOADER_RULES } from '../../src/validator/index.js';
import { toSarif } from '../../src/validator/report/sarif.js';
import { ruleHelpFromDocs } from './rule-help.js';

const REPO = join(import.meta.dirname, '../..');
const JSON_PATH = join(REPO, 'src/validator/report/rule-help.json');

describe('SARIF rules carry full help text and no unresolvable links', () => {
  it('rule-help.json is generated from docs/validator.md (UPDATE_RULE_HELP=1 rewrites it)', () => {
    const fromDocs = ruleHelpFromDocs(REPO);
    if (process.env.UPDATE_RULE_HELP === '1') writeFileSync(JSON_PATH, `${JSON.stringify(fromDocs, null, 2)}\n`);
    expect(JSON.parse(readFileSync(JSON_PATH, 'utf8'))).toEqual(fromDocs);
  });

  it('every rule has a fullDescription and help longer than its summary; no anchor links', () => {
    const log = toSarif({ counts: { tools: 0, functions: 0, events: 0 }, findings: [], project: { root: REPO, scanPath: REPO, manifestPath: join(REPO, 'imperal.json') } }, '5.11.0');
    const text = JSON.stringify(log);
    expect(text).not.toMatch(/helpUri|#v\d|npmjs\.com\/package\/@imperal\/sdk#/);
    const rules = (log.runs as Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string } }> } } }>)[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...LOADER_RULES, ...ALL_RULES].map((r) => r.id));
    for (const rule of rules) {
      expect(rule.fullDescription.text.length, rule.id).toBeGreaterThan(rule.shortDescription.text.length);
      expect(rule.help.text, rule.id).toContain('Fix:');
      expect(rule.help.markdown, rule.id).toContain(`**${rule.id}**`);
    }
  });
});
