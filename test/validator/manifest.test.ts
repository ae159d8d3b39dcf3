import { describe, expect, it } from 'vitest';
import { checkManifest, semanticIssues } from '../../src/validator/index.js';

describe('manifest schema rules (M1–M5) against the upstream oracle', () => {
  it('classifies the broken #1 manifest like upstream, in the same order', () => {
    // The imperal.json of upstream-core.md §6.4 "Broken #1".
    const issues = checkManifest({
      app_id: 'Broken_App',
      tools: [{ name: 'bad-name', description: '', scopes: [], parameters: { x: { type: 'str', required: true } } }],
      webhooks: [{ path: 'hook', method: 'POST', secret_header: '' }],
      exposed: [{ name: 'x', action_type: 'destructive' }],
      schedule: [],
    });
    expect(issues.map((i) => `[${i.rule}] ${i.message}`)).toEqual([
      "[M4] [app_id] Value error, app_id 'Broken_App' must match [a-z0-9][a-z0-9-]*[a-z0-9] (2+ chars, lowercase, no underscores)",
      '[M2] [version] Field required',
      "[M5] [tools.0.name] Value error, tool name 'bad-name' must be a valid identifier (letters/digits/underscore, not starting with digit)",
      "[M5] [tools.0.parameters.x.type] Value error, parameter type 'str' must be one of ['array', 'boolean', 'integer', 'number', 'object', 'string']",
      "[M4] [webhooks.0.path] String should match pattern '^/[a-z0-9_/-]+$'",
      "[M4] [exposed.0.action_type] Input should be 'read' or 'write'",
      '[M3] [schedule] Extra inputs are not permitted',
    ]);
    expect(issues[0]!.fix).toBe(
      "Fix value at 'app_id': Value error, app_id 'Broken_App' must match [a-z0-9][a-z0-9-]*[a-z0-9] (2+ chars, lowercase, no underscores)",
    );
    expect(issues[2]!.fix).toMatch(/^Fix nested value at 'tools\.0\.name': /);
  });

  it('reports the root type for a non-object manifest (M1)', () => {
    expect(checkManifest('x')[0]!.message).toBe('manifest root must be a JSON object, got str');
    expect(checkManifest(null)[0]!.message).toBe('manifest root must be a JSON object, got NoneType');
  });

  it('uses pydantic wording for enums, minimums and optional types', () => {
    const base = { app_id: 'ok-app', version: '1.0.0' };
    const messages = checkManifest({ ...base, manifest_schema_version: 7, lifecycle: { health_check: { interval_sec: 5 } }, tools: [{ name: 'x', event: 3 }] }).map((i) => i.message);
    expect(messages).toEqual([
      '[manifest_schema_version] Input should be 1, 2 or 3',
      '[tools.0.event] Input should be a valid string',
      '[lifecycle.health_check.interval_sec] Input should be greater than or equal to 30',
    ]);
  });

  it('checks cron shape and scopes like the upstream value validators', () => {
    const messages = checkManifest({ app_id: 'ok-app', version: '1.0.0', schedules: [{ name: 'n', cron: 'every day' }], required_scopes: ['NS:x'] }).map((i) => `${i.rule} ${i.message}`);
    expect(messages).toEqual([
      "M5 [schedules.0.cron] Value error, cron 'every day' must be 5-field unix cron (e.g. '0 9 * * *') or @keyword (@hourly, @daily, ...)",
      "M4 [required_scopes] Value error, required_scopes entry 'NS:x' must be '*', 'ns:action', 'ns:*', or legacy 'ns.action'",
    ]);
  });

  it('accepts a generated-looking manifest', () => {
    expect(checkManifest({ manifest_schema_version: 3, sdk_version: '5.11.0', app_id: 'a-b', version: '1.0.0-rc.1', tools: [], panels: [] })).toEqual([]);
  });

  it('reports M6.3 / M7.3 / M8.2 as issues instead of raising', () => {
    const issues = semanticIssues({
      app_id: 'app',
      webhooks: [{ path: '/a' }, { path: '/a' }],
      events: { subscribes: [], emits: [{ type: 'app.ok' }, { type: 'other.x' }] },
      exposed: [{ name: 'g' }, { name: 'g' }],
    });
    expect(issues.map((i) => `${i.rule} ${i.message}`)).toEqual([
      "M6.3 webhooks[].path duplicate — paths must be unique: ['/a', '/a']",
      "M7.3 events.emits[].type 'other.x' must be prefixed by app_id 'app' (cross-namespace block)",
      "M8.2 exposed[].name duplicate — names must be unique: ['g', 'g']",
    ]);
  });
});
