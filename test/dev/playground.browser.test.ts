/**
 * The playground in real headless Chromium (Debian's /usr/bin/chromium, driven
 * by playwright-core), on a copy of examples/tasks-mini and on a freshly
 * scaffolded template. Under CI a missing Chromium fails these tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cleanScratch, launchChromium, skipBrowser, startDev, tasksProject, templateProject, waitFor, type DevProcess } from './helpers.js';

let browser: BrowserContext;
const running: DevProcess[] = [];

beforeAll(async () => {
  if (!skipBrowser) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const d of running) await d.stop();
  cleanScratch();
});

const T = 30_000;
const sidebar = (page: Page) => page.locator('aside.side [data-panel="sidebar"]');

async function open(url: string, view: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${url}#${view}`);
  await page.locator('.dot.on').waitFor({ timeout: T });
  return page;
}

describe.skipIf(skipBrowser)('playground on examples/tasks-mini', { timeout: 90_000 }, () => {
  let dev: DevProcess & { dataDir: string };
  let project: string;
  let page: Page;

  beforeAll(async () => {
    project = tasksProject();
    dev = await startDev(project);
    running.push(dev);
    page = await open(dev.url, 'functions');
  });

  it('submitting a function form shows the new item in the panel; an external call arrives through the panel’s event', async () => {
    await page.getByRole('button', { name: 'Run create_task' }).waitFor({ timeout: T });
    await page.fill('[data-function="create_task"] input[name="title"]', 'Buy oat milk');
    await page.fill('[data-function="create_task"] input[name="due"]', '2026-12-24');
    await page.getByRole('button', { name: 'Run create_task' }).click();
    await expect.poll(() => page.locator('.result[data-status]').first().getAttribute('data-status'), { timeout: T }).toBe('success');
    await sidebar(page).getByText('Buy oat milk').waitFor({ timeout: T });
    await expect(sidebar(page).getByText('due 2026-12-24').count()).resolves.toBe(1);
    // Written outside the page: only the on_event:tasks-mini.task.created refresh can bring it in.
    await api(dev.url, 'call', { function: 'create_task', params: { title: 'Written by a script' } });
    await sidebar(page).getByText('Written by a script').waitFor({ timeout: T });
  });

  it('an invalid value shows the error next to its field and writes nothing', async () => {
    const before = ((await api(dev.url, 'store/tasks?user=*')).body as unknown[]).length;
    await page.fill('[data-function="create_task"] input[name="title"]', '');
    await page.fill('[data-function="create_task"] input[name="due"]', '');
    await page.getByRole('button', { name: 'Run create_task' }).click();
    const error = page.locator('[data-function="create_task"] [data-error-for="title"]');
    await error.waitFor({ timeout: T });
    expect(await error.textContent()).toMatch(/>=1 characters/);
    expect(((await api(dev.url, 'store/tasks?user=*')).body as unknown[]).length).toBe(before);
  });

  it('a Call action in a panel runs the function and the panel re-renders', async () => {
    const row = sidebar(page).locator('.listitem', { hasText: 'Written by a script' });
    await row.getByRole('button', { name: /Done/ }).click();
    await expect.poll(() => sidebar(page).getByText('Written by a script').count(), { timeout: T }).toBe(0);
    const docs = (await api(dev.url, 'store/tasks')).body as any[];
    expect(docs.find((d) => d.data.title === 'Written by a script').data.done).toBe(true);
  });

  it('a source edit shows without a restart; a syntax error is shown while the last version answers; the fix recovers', async () => {
    const file = join(project, 'src/extension.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('title: String(d.data.title),', "title: `★ ${String(d.data.title)}`,"));
    await sidebar(page).getByText('★ Buy oat milk').waitFor({ timeout: T });
    writeFileSync(file, original.replace('export class Tasks {', 'export class Tasks {{'));
    const banner = page.getByTestId('reload-error');
    await banner.waitFor({ timeout: T });
    expect(await banner.textContent()).toMatch(/extension\.ts/);
    expect(await banner.textContent()).toMatch(/keeps serving/);
    expect(JSON.stringify((await api(dev.url, 'panel', { id: 'sidebar' })).body.ui)).toContain('★ Buy oat milk');
    writeFileSync(file, original);
    await banner.waitFor({ state: 'detached', timeout: T });
    await sidebar(page).getByText('Buy oat milk', { exact: true }).waitFor({ timeout: T });
  });

  it('runs a schedule now', async () => {
    await page.goto(`${dev.url}#schedules`);
    const card = page.locator('[data-schedule="morning_digest"]');
    await expect(card.textContent()).resolves.toMatch(/next \(UTC\): \d{4}-\d\d-\d\dT08:00:00\.000Z/);
    await card.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(() => card.getByTestId('outcome').textContent(), { timeout: T }).toContain('"status": "ok"');
    await page.goto(`${dev.url}#inbox`);
    await page.getByTestId('notifications').getByText(/open task\(s\) today/).first().waitFor({ timeout: T });
  });

  it('sets the webhook secret, sends a signed webhook and shows its response', async () => {
    await page.goto(`${dev.url}#settings`);
    const row = page.locator('[data-secret="webhook_secret"]');
    await row.locator('input[type="password"]').fill('whsec-browser-1');
    await row.getByRole('button', { name: 'Set' }).click();
    await row.getByText('set', { exact: true }).waitFor({ timeout: T });
    await page.goto(`${dev.url}#webhooks`);
    await page.locator('textarea[name="webhook-body"]').fill('{"user_id": "imp_u_dev", "title": "Hooked in"}');
    await page.locator('label', { hasText: 'or the declared secret' }).locator('select').selectOption('webhook_secret');
    await page.getByRole('button', { name: 'Send webhook' }).click();
    const response = page.getByTestId('webhook-response');
    await response.waitFor({ timeout: T });
    expect(await response.textContent()).toContain('status 202');
    expect(await response.textContent()).toContain('"accepted": "Hooked in"');
    expect(await response.textContent()).toMatch(/sha256=[0-9a-f]{64}/);
  });

  it('emits an event: the live log shows it and the subscriber writes its document', async () => {
    await page.goto(`${dev.url}#events`);
    await page.locator('input[name="event-type"]').fill('tasks-mini.task.completed');
    await page.locator('textarea[name="event-data"]').fill('{"id": "from-the-browser"}');
    await page.getByRole('button', { name: 'Emit' }).click();
    await page.getByTestId('event-log').getByText('from-the-browser').waitFor({ timeout: T });
    await waitFor(async () => ((await api(dev.url, 'store/completions')).body as any[]).some((d) => d.data.task_id === 'from-the-browser'), 'the completion');
  });

  it('the store browser shows the written documents, and they survive a restart', async () => {
    await page.goto(`${dev.url}#store`);
    await page.getByRole('button', { name: 'tasks', exact: true }).click();
    await page.getByTestId('store-docs').getByText('Buy oat milk').waitFor({ timeout: T });
    await page.close();
    expect(await dev.stop()).toBe(0);
    dev = await startDev(project, dev.dataDir);
    running.push(dev);
    page = await open(dev.url, 'store');
    await page.getByRole('button', { name: 'tasks', exact: true }).click();
    await page.getByTestId('store-docs').getByText('Buy oat milk').waitFor({ timeout: T });
    await sidebar(page).getByText('Buy oat milk').waitFor({ timeout: T });
  });
});

describe.skipIf(skipBrowser)('playground on a freshly scaffolded template', { timeout: 90_000 }, () => {
  it('creates a note through the form; the panel shows it; a bad value is refused', async () => {
    const project = await templateProject('full', 'fresh-notes');
    const dev = await startDev(project);
    running.push(dev);
    const page = await open(dev.url, 'functions');
    await page.getByRole('button', { name: 'Run create_note' }).waitFor({ timeout: T });
    await page.fill('[data-function="create_note"] input[name="text"]', 'Remember the playground');
    await page.getByRole('button', { name: 'Run create_note' }).click();
    await sidebar(page).getByText('Remember the playground').waitFor({ timeout: T });
    await page.fill('[data-function="create_note"] input[name="text"]', '');
    await page.getByRole('button', { name: 'Run create_note' }).click();
    await page.locator('[data-error-for="text"]').waitFor({ timeout: T });
    expect(((await api(dev.url, 'store/notes')).body as any[]).map((d) => d.data.text)).toEqual(['Remember the playground']);
    await page.getByRole('button', { name: 'list_notes' }).click();
    expect(await page.locator('[data-function="list_notes"] input[name="limit"]').inputValue()).toBe('20');
    await page.close();
  });
});
