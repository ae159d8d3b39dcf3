import { finding, type Level } from '../finding.js';
import type { Rule } from '../context.js';

/** V23's level: ERROR by default; `IMPERAL_VALIDATOR_V23_SEVERITY=warn` downgrades it. */
export function v23Level(env: Readonly<Record<string, string | undefined>>): Level {
  return env.IMPERAL_VALIDATOR_V23_SEVERITY?.trim().toLowerCase() === 'warn' ? 'WARN' : 'ERROR';
}

/** V23 — read functions declare their return shape with a `returns:` schema. */
export const V23: Rule = {
  id: 'V23',
  level: 'ERROR',
  summary: 'Read chat functions must declare a returns: schema (IMPERAL_VALIDATOR_V23_SEVERITY=warn downgrades)',
  check({ functions, env }) {
    return functions.flatMap(({ record, at }) =>
      record.actionType === 'read' && record.returns === undefined
        ? [finding('V23', v23Level(env),
            `@chat.fn '${record.name}' (actionType: 'read') is missing a returns: schema. Read tools must declare typed return shape so the platform can validate $REF paths and prevent naming drift.`,
            `Pass returns: <zod schema of the data> to @chat.fn('${record.name}') — it becomes return_schema in imperal.json.`, at)]
        : []);
  },
};
