/**
 * Live reload (a change serves without a restart; a broken change is reported
 * while the last good version keeps answering) and `imperal invoke`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { api, cleanScratch, startDev, tasksProject, waitFor, type DevProcess } from './helpers.js';

const running: DevProcess[] = [];
afterAll(async () => {
  for (const d of running) await d.stop();
  cleanScratch();
});

const summary = async (url: string): Promise<string> => (await api(url, 'call', { function: 'create_task', params: { title: 'T' } })).body.summary;

describe('live reload', () => {
  it('serves a source change without restarting; a syntax error keeps the last good version; a fix recovers', { timeout: 90_000 }, async () => {
    const project = tasksProject();
    const dev = await startDev(project);
    running.push(dev);
    const file = join(project, 'src/extension.ts');
    const original = readFileSync(file, 'utf8');
    expect(await summary(dev.url)).toBe('Created "T"');
    writeFileSync(file, original.replace('summary: `Created "${p.title}"`', 'summary: `Made "${p.title}"`'));
    await waitFor(async () => (await summary(dev.url)) === 'Made "T"', 'the edited summary');
    expect((await api(dev.url, 'status')).body).toMatchObject({ version: 2, error: null });

    writeFileSync(file, original.replace('export class Tasks {', 'export class Tasks {{'));
    const status = await waitFor(async () => (await api(dev.url, 'status')).body.error && (await api(dev.url, 'status')).body, 'the syntax error');
    expect(status.error.message).toMatch(/extension\.ts/);
    expect(status.version).toBe(2);
    expect(await summary(dev.url)).toBe('Made "T"');
    expect(dev.output()).toMatch(/error: .*extension\.ts/);

    writeFileSync(file, original);
    await waitFor(async () => (await summary(dev.url)) === 'Created "T"', 'the recovered version');
    expect((await api(dev.url, 'status')).body).toMatchObject({ version: 3, error: null });
  });

  it('reports a registration error thrown at load without replacing the serving version', { timeout: 90_000 }, async () => {
    const project = tasksProject();
    const dev = await startDev(project);
    running.push(dev);
    const file = join(project, 'src/extension.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace("@ext.panel('sidebar', { slot: 'left'", "@ext.panel('sidebar', { slot: 'nowhere' as 'left'"));
    const status = await waitFor(async () => (await api(dev.url, 'status')).body.error && (await api(dev.url, 'status')).body, 'the load error');
    expect(status.error.message).toMatch(/slot/);
    expect(status.version).toBe(1);
    expect((await api(dev.url, 'panel', { id: 'sidebar' })).body.panel_id).toBe('sidebar');
  });
});

describe('imperal invoke', () => {
  it('runs a function against the saved state, prints the result, exits 1 on an error result', { timeout: 90_000 }, async () => {
    const project = tasksProject();
    const data = join(project, '.imperal/dev');
    const made = await cli('invoke', 'create_task', project, '--params', '{"title":"From the CLI"}', '--data', data);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ status: 'success', data: { title: 'From the CLI' } });
    const listed = await cli('invoke', 'list_tasks', project, '--data', data);
    expect(JSON.parse(listed.out).data.tasks.map((t: any) => t.title)).toEqual(['From the CLI']);
    const panel = await cli('invoke', '__panel__sidebar', project, '--data', data);
    expect(JSON.parse(panel.out).ui.props.items[0].props.title).toBe('From the CLI');
    const invalid = await cli('invoke', 'create_task', project, '--params', '{"title":""}', '--data', data);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.out).error_code).toBe('INVALID_PARAMS');
    writeFileSync(join(project, 'p.json'), '{"title":"From a file"}');
    expect((await cli('invoke', 'create_task', project, '--params', `@${join(project, 'p.json')}`, '--data', data, '--as', 'imp_u_b')).code).toBe(0);
    const schedule = await cli('invoke', 'morning_digest', project, '--data', data);
    expect(JSON.parse(schedule.out)).toEqual({ status: 'ok' });
    expect((await cli('invoke', 'create_task', project, '--params', '[1]')).code).toBe(2);
    expect((await cli('invoke', 'create_task', project, '--params', '{bad')).err).toMatch(/--params is not valid JSON/);
  });

  it('goes through a running imperal dev on the same data folder', { timeout: 90_000 }, async () => {
    const project = tasksProject();
    const dev = await startDev(project);
    running.push(dev);
    const made = await cli('invoke', 'create_task', project, '--params', '{"title":"Via the server"}', '--data', dev.dataDir);
    expect(made.code).toBe(0);
    expect(((await api(dev.url, 'store/tasks')).body as any[]).map((d) => d.data.title)).toEqual(['Via the server']);
  });
});
