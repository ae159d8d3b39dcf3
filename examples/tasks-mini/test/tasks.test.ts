/** Unit tests of the example, through the real dispatcher with a MockContext. */
import { describe, expect, it } from 'vitest';
import { createTester } from '@imperal/sdk/testing';
import { ext } from '../src/extension.js';

describe('tasks-mini', () => {
  it('creates, lists and completes tasks', async () => {
    const t = createTester(ext);
    const created = await t.call<{ id: string }>('create_task', { title: 'Buy milk', due: '2026-01-02' });
    expect(created.ok).toBe(true);
    expect(created.summary).toBe('Created "Buy milk"');
    expect(created.refreshPanels).toEqual(['sidebar']);

    const listed = await t.call<{ tasks: Array<{ title: string }> }>('list_tasks', {});
    expect(listed.data.tasks.map((task) => task.title)).toEqual(['Buy milk']);

    const done = await t.call('complete_task', { task_id: created.data.id });
    expect(done.ok).toBe(true);
    expect((await t.call<{ tasks: unknown[] }>('list_tasks', {})).data.tasks).toEqual([]);
    expect((await t.call<{ tasks: unknown[] }>('list_tasks', { include_done: true })).data.tasks).toHaveLength(1);
  });

  it('explains bad input to the assistant', async () => {
    const t = createTester(ext);
    const result = await t.call('create_task', { title: '', due: 'tomorrow' });
    expect(result.errorCode).toBe('INVALID_PARAMS');
    expect(result.error).toContain("'title'");
    expect(result.error).toContain("'due'");
    const missing = await t.call('complete_task', { task_id: 'nope' });
    expect(missing.errorCode).toBe('TASK_NOT_FOUND');
  });

  it('renders the sidebar with a Done action per task, and an empty state', async () => {
    const t = createTester(ext);
    expect((await t.panel('sidebar')).ui).toMatchObject({ type: 'Empty' });
    await t.call('create_task', { title: 'Write tests' });
    const { ui, panel_id } = await t.panel('sidebar');
    expect(panel_id).toBe('sidebar');
    expect(JSON.stringify(ui)).toContain('"function":"complete_task"');
  });

  it('feeds the skeleton and sends the morning digest to each user', async () => {
    const t = createTester(ext);
    await t.call('create_task', { title: 'Later', due: '2026-03-01' });
    await t.call('create_task', { title: 'Sooner', due: '2026-02-01' });
    expect(await t.skeleton('tasks')).toEqual({ response: { open: 2, next_due: 'Sooner' } });
    expect(await t.fireSchedule('morning_digest')).toEqual({ status: 'ok' });
    expect(t.ctx.platform.notifications.map((n) => n.message)).toEqual(['You have 2 open task(s) today.']);
  });

  it('accepts signed webhooks and rejects forged ones', async () => {
    const t = createTester(ext);
    const body = { user_id: 'imp_u_1', title: 'From CI' };
    expect((await t.fireWebhook('/incoming', { body })).status_code).toBe(503);
    t.ctx.secrets.seed('webhook_secret', 'whs');
    const ok = await t.fireWebhook('/incoming', { body, sign: { secret: 'whs', header: 'X-Tasks-Signature' } });
    expect(ok).toMatchObject({ status_code: 202, body: { accepted: 'From CI', by: '__webhook__' } });
    const forged = await t.fireWebhook('/incoming', { body, sign: { secret: 'guess', header: 'X-Tasks-Signature' } });
    expect(forged.status_code).toBe(500);
  });

  it('records completions from events, reports health', async () => {
    const t = createTester(ext);
    expect(await t.emitEvent('tasks-mini.task.completed', { id: 't1' })).toEqual({ status: 'ok', handled: 1 });
    expect(await t.health()).toEqual({ status: 'ok', message: '', details: { store: 'reachable' } });
  });

  it('produces a manifest with every surface', () => {
    const manifest = ext.manifest({ baseDir: new URL('..', import.meta.url).pathname });
    expect(manifest.tools.map((tool) => tool.name)).toEqual(['skeleton_refresh_tasks', 'create_task', 'list_tasks', 'complete_task']);
    expect(manifest.panels.map((p) => p.panel_id)).toEqual(['secrets', 'sidebar']);
    expect(manifest.schedules).toEqual([{ name: 'morning_digest', cron: '0 8 * * *' }]);
  });
});
