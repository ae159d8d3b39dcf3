/**
 * `imperal dev` JSON API against a real dev process on a copy of
 * examples/tasks-mini: calls, panels, the store, schedules, webhooks, events,
 * the live feed, limits and persistence across a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cleanScratch, startDev, tasksProject, waitFor, type DevProcess } from './helpers.js';

let dev: DevProcess & { dataDir: string };
let project: string;

beforeAll(async () => {
  project = tasksProject();
  dev = await startDev(project);
});
afterAll(async () => {
  await dev?.stop();
  cleanScratch();
});

/** Reads SSE frames from /api/events until `want` matches one (bounded). */
async function nextEvent(base: string, kind: string, trigger: () => Promise<unknown>): Promise<any> {
  const abort = new AbortController();
  const res = await fetch(new URL('api/events', base), { signal: abort.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  await trigger();
  let buf = '';
  const deadline = Date.now() + 10_000;
  try {
    while (Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value);
      const m = new RegExp(`event: ${kind}\\ndata: (.*)\\n`).exec(buf);
      if (m) return JSON.parse(m[1]!);
    }
    throw new Error(`no '${kind}' event; got:\n${buf}`);
  } finally {
    abort.abort();
  }
}

describe('imperal dev API', { timeout: 90_000 }, () => {
  it('a document written through /api/call is the one /api/store lists and the panel shows', async () => {
    const call = await api(dev.url, 'call', { function: 'create_task', params: { title: 'Buy milk' } });
    expect(call.status).toBe(200);
    expect(call.body).toMatchObject({ status: 'success', summary: 'Created "Buy milk"', data: { title: 'Buy milk', done: false }, refresh_panels: ['sidebar'] });
    expect(call.headers.get('x-imperal-call-id')).toMatch(/^[0-9a-f]{16}$/);
    const docs = (await api(dev.url, 'store/tasks')).body as any[];
    expect(docs.map((d) => d.id)).toContain(call.body.data.id);
    expect(docs.find((d) => d.id === call.body.data.id)).toMatchObject({ user_id: 'imp_u_dev', data: { title: 'Buy milk' } });
    const panel = await api(dev.url, 'panel', { id: 'sidebar' });
    expect(panel.body.panel_id).toBe('sidebar');
    expect(JSON.stringify(panel.body.ui)).toContain('Buy milk');
  });

  it('acts as another user when told to, and ?user= lists that user', async () => {
    const call = await api(dev.url, 'call', { function: 'create_task', params: { title: 'Theirs' }, as: { userId: 'imp_u_other', role: 'user', scopes: [] } });
    expect(call.body.status).toBe('success');
    expect(((await api(dev.url, 'store/tasks')).body as any[]).some((d) => d.data.title === 'Theirs')).toBe(false);
    const theirs = (await api(dev.url, 'store/tasks?user=imp_u_other')).body as any[];
    expect(theirs.map((d) => d.data.title)).toEqual(['Theirs']);
    expect(JSON.stringify((await api(dev.url, 'panel', { id: 'sidebar', as: { userId: 'imp_u_other' } })).body.ui)).toContain('Theirs');
    expect((await api(dev.url, 'call', { function: 'x', as: { userId: '' } })).status).toBe(400);
  });

  it('invalid params answer INVALID_PARAMS naming the field, and nothing is written', async () => {
    const before = ((await api(dev.url, 'store/tasks?user=*')).body as any[]).length;
    const call = await api(dev.url, 'call', { function: 'create_task', params: { title: '' } });
    expect(call.body).toMatchObject({ status: 'error', error_code: 'INVALID_PARAMS' });
    expect(call.body.data.issues[0].path).toBe('title');
    expect(((await api(dev.url, 'store/tasks?user=*')).body as any[]).length).toBe(before);
  });

  it('streams store writes and declared events over SSE', async () => {
    const store = await nextEvent(dev.url, 'store', () => api(dev.url, 'call', { function: 'create_task', params: { title: 'Live' } }));
    expect(store).toMatchObject({ op: 'create', collection: 'tasks', user_id: 'imp_u_dev' });
    const event = await nextEvent(dev.url, 'event', () => api(dev.url, 'call', { function: 'create_task', params: { title: 'Evented' } }));
    expect(event).toMatchObject({ eventType: 'tasks-mini.task.created', data: { title: 'Evented' } });
  });

  it('runs a schedule now: the digest notifies each user with open tasks', async () => {
    const out = await api(dev.url, 'schedule', { name: 'morning_digest' });
    expect(out.body).toEqual({ status: 'ok' });
    const notes = (await api(dev.url, 'notifications')).body as any[];
    expect(notes.find((n) => n.user_id === 'imp_u_dev')?.message).toMatch(/You have \d+ open task\(s\) today\./);
    expect(notes.some((n) => n.user_id === 'imp_u_other')).toBe(true);
  });

  it('signs and sends a webhook with the declared secret; an unsigned one is refused', async () => {
    expect((await api(dev.url, 'secrets/webhook_secret', { value: 'whsec-local-123' }, 'PUT')).body).toEqual({ name: 'webhook_secret', is_set: true });
    const secrets = (await api(dev.url, 'secrets')).body as any[];
    expect(secrets).toEqual([expect.objectContaining({ name: 'webhook_secret', is_set: true })]);
    expect(JSON.stringify(secrets)).not.toContain('whsec-local-123');
    const signed = await api(dev.url, 'webhook', { path: '/incoming', body: { user_id: 'imp_u_dev', title: 'Hooked' }, sign: { secret_name: 'webhook_secret' } });
    expect(signed.body.request.headers['X-Tasks-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signed.body.response).toMatchObject({ status_code: 202, body: { accepted: 'Hooked', by: '__webhook__' } });
    const unsigned = await api(dev.url, 'webhook', { path: '/incoming', body: { user_id: 'imp_u_dev', title: 'Forged' } });
    expect(unsigned.body.response.status_code).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify((await api(dev.url, 'logs')).body)).not.toContain('whsec-local-123');
  });

  it('an emitted event reaches the extension’s subscriber, which writes through the gateway', async () => {
    expect((await api(dev.url, 'emit', { event_type: 'tasks-mini.task.completed', data: { id: 'task-42' } })).body).toEqual({ ok: true });
    const done = await waitFor(async () => ((await api(dev.url, 'store/completions')).body as any[]).find((d) => d.data.task_id === 'task-42'), 'the completion document');
    expect(done.user_id).toBe('imp_u_dev');
    expect(((await api(dev.url, 'emitted')).body as any[]).some((e) => e.eventType === 'tasks-mini.task.completed')).toBe(true);
  });

  it('refreshes a skeleton section and stores the value the platform would', async () => {
    const out = await api(dev.url, 'skeleton', { section: 'tasks' });
    expect(out.body.response.open).toBeGreaterThan(0);
    const stored = ((await api(dev.url, 'surfaces')).body.skeletons as any[]).find((s) => s.section === 'tasks');
    expect(stored.value).toEqual(out.body.response);
    expect((await api(dev.url, 'skeleton', { section: 'nope' })).body.error_code).toBe('NOT_FOUND');
  });

  it('edits and deletes documents from the store browser routes', async () => {
    const created = (await api(dev.url, 'call', { function: 'create_task', params: { title: 'Edit me' } })).body.data;
    const put = await api(dev.url, `store/tasks/${created.id}`, { data: { title: 'Edited', done: true } }, 'PUT');
    expect(put.body.data).toEqual({ title: 'Edited', done: true });
    expect(((await api(dev.url, 'store/tasks')).body as any[]).find((d) => d.id === created.id).data.title).toBe('Edited');
    expect((await api(dev.url, `store/tasks/${created.id}`, undefined, 'DELETE')).body).toEqual({ deleted: true });
    expect((await api(dev.url, `store/tasks/${created.id}`, undefined, 'DELETE')).status).toBe(404);
    expect((await api(dev.url, 'store')).body).toEqual(expect.arrayContaining(['tasks', 'completions']));
  });

  it('serves the manifest, the surfaces with next fire times, and the live findings', async () => {
    expect((await api(dev.url, 'manifest')).body).toMatchObject({ app_id: 'tasks-mini' });
    const s = (await api(dev.url, 'surfaces')).body;
    expect(s.schedules[0]).toMatchObject({ name: 'morning_digest', cron: '0 8 * * *' });
    expect(s.schedules[0].next).toHaveLength(3);
    for (const t of s.schedules[0].next) expect(new Date(t).getUTCHours()).toBe(8);
    expect(s.functions.map((f: any) => f.name)).toEqual(['create_task', 'list_tasks', 'complete_task']);
    const findings = (await api(dev.url, 'findings')).body;
    expect(findings.version).toBeGreaterThan(0);
    expect(Array.isArray(findings.findings)).toBe(true);
  });

  it('refuses bad requests with clear errors', async () => {
    expect((await api(dev.url, 'nope')).status).toBe(404);
    const big = await fetch(new URL('api/call', dev.url), { method: 'POST', body: `{"function":"create_task","params":{"title":"${'x'.repeat(1_100_000)}"}}` }).catch((e: Error) => e);
    expect(big instanceof Error ? 413 : big.status).toBe(413);
    const bad = await fetch(new URL('api/call', dev.url), { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error).toMatch(/not valid JSON/);
    expect((await api(dev.url, 'call', { params: {} })).body.error).toMatch(/'function' is required/);
    expect((await api(dev.url, 'call', { function: 'create_task', params: [1] })).status).toBe(400);
    expect((await api(dev.url, 'secrets/unknown', { value: 'x' }, 'PUT')).status).toBe(404);
  });
});

describe('imperal dev state', { timeout: 90_000 }, () => {
  it('keeps everything across a restart; --reset starts empty', async () => {
    const data = dev.dataDir;
    const note = (await api(dev.url, 'call', { function: 'create_task', params: { title: 'Survives restart' } })).body.data;
    await api(dev.url, 'config', { config: { region: 'eu' } }, 'PUT');
    expect(await dev.stop()).toBe(0);
    dev = await startDev(project, data);
    expect(((await api(dev.url, 'store/tasks')).body as any[]).map((d) => d.id)).toContain(note.id);
    expect((await api(dev.url, 'config')).body).toEqual({ region: 'eu' });
    expect(((await api(dev.url, 'secrets')).body as any[])[0].is_set).toBe(true);
    expect(((await api(dev.url, 'notifications')).body as any[]).length).toBeGreaterThan(0);
    await dev.stop();
    dev = await startDev(project, data, ['--reset']);
    expect((await api(dev.url, 'store/tasks')).body).toEqual([]);
  });
});
