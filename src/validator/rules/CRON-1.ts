import { Cron } from 'croner';
import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';

/** `@keyword` schedules the platform accepts. */
const KEYWORDS = ['@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@annually', '@reboot'];

/** What is wrong with `cron`, or `undefined` when it is a 5-field expression that fires. */
export function cronProblem(cron: string): string | undefined {
  const trimmed = cron.trim();
  if (KEYWORDS.includes(trimmed)) return undefined;
  if (!/^\S+(?:\s+\S+){4}$/.test(trimmed)) return "must be 5-field unix cron (e.g. '0 9 * * *') or @keyword (@hourly, @daily, ...)";
  let job: Cron;
  try {
    job = new Cron(trimmed, { paused: true, timezone: 'UTC' });
  } catch (error) {
    return `is not a valid cron expression: ${(error as Error).message}`;
  }
  const next = job.nextRun();
  job.stop();
  return next === null ? 'never fires (no date matches it)' : undefined;
}

/** CRON-1 — schedules use a 5-field cron expression that croner parses and that fires at least once. */
export const CRON_1: Rule = {
  id: 'CRON-1',
  level: 'ERROR',
  summary: 'Schedule cron must be a valid 5-field expression (or @keyword) that can fire',
  check({ ext, siteOf, extAt }) {
    if (!ext) return [];
    return ext.schedules.flatMap((s) => {
      const problem = cronProblem(s.cron);
      if (problem === undefined) return [];
      const site = siteOf(['schedule'], s.name);
      return [finding('CRON-1', 'ERROR', `Schedule '${s.name}' cron '${s.cron}' ${problem}`,
        "Use a 5-field cron expression that matches real dates, e.g. '0 9 * * *' (09:00 UTC daily), or @hourly/@daily/@weekly/@monthly/@yearly",
        site ? locate(site.file, site.call) : extAt)];
    });
  },
};
