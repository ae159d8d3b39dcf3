/**
 * `npm run screenshot`: runs `imperal dev` on examples/tasks-mini with a scratch
 * data folder, creates two tasks through the JSON API, and saves a screenshot of
 * the playground (Debian's headless Chromium) to docs/images/playground.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDevProcess } from './dev-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples/tasks-mini');
const linked = join(example, 'node_modules/@imperal/sdk');
if (!existsSync(linked)) {
  mkdirSync(dirname(linked), { recursive: true });
  symlinkSync(root, linked, 'dir');
}
if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium`);
const data = mkdtempSync(join(tmpdir(), 'imperal-shot-'));
const profile = mkdtempSync(join(tmpdir(), 'imperal-chromium-'));
const dev = await startDevProcess(example, data);
const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 860 } });
try {
  for (const title of ['Buy milk', 'Write the release notes']) {
    await fetch(new URL('api/call', dev.url), { method: 'POST', body: JSON.stringify({ function: 'create_task', params: { title, due: '2026-12-24' } }) });
  }
  const page = await browser.newPage();
  await page.goto(`${dev.url}#functions`);
  await page.getByRole('button', { name: 'Run create_task' }).waitFor();
  await page.fill('input[name="title"]', 'Book the venue');
  await page.getByRole('button', { name: 'Run create_task' }).click();
  await page.locator('[data-panel="sidebar"]').getByText('Book the venue').waitFor();
  mkdirSync(join(root, 'docs/images'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs/images/playground.png') });
  console.log('wrote docs/images/playground.png');
} finally {
  await browser.close();
  await dev.stop();
  rmSync(data, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
