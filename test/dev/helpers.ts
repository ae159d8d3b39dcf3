/**
 * Helpers of the `imperal dev` tests: scratch copies of the example and of a
 * freshly scaffolded template, the dev server as a real child process, its API,
 * and Debian's headless Chromium.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startDevProcess, type DevProcess } from '../../scripts/dev-process.mjs';
import { REPO, cli, linkSdk, scratch } from '../cli/helpers.js';

export { cleanScratch, scratch } from '../cli/helpers.js';
export type { DevProcess };

/** A copy of examples/tasks-mini (sources may be edited) with the SDK linked. */
export function tasksProject(): string {
  const dir = join(scratch(), 'tasks-mini');
  for (const f of ['src', 'icon.svg', 'package.json', 'tsconfig.json', 'imperal.json']) cpSync(join(REPO, 'examples/tasks-mini', f), join(dir, f), { recursive: true });
  linkSdk(dir);
  return dir;
}

/** A freshly scaffolded `imperal init <name> --template <template>` project with the SDK linked. */
export async function templateProject(template = 'full', name = 'fresh-notes'): Promise<string> {
  const dir = join(scratch(), name);
  const { code, err } = await cli('init', dir, '--template', template);
  if (code !== 0) throw new Error(`imperal init failed: ${err}`);
  linkSdk(dir);
  return dir;
}

/** Starts `imperal dev` on `project` with a fresh (or the given) data folder. */
export function startDev(project: string, dataDir = mkdtempSync(join(tmpdir(), 'imperal-dev-')), extraArgs: string[] = []): Promise<DevProcess & { dataDir: string }> {
  return startDevProcess(project, dataDir, { timeoutMs: 60_000, extraArgs }).then((p) => Object.assign(p, { dataDir }));
}

/** Calls the dev API; answers `{ status, body, headers }`. */
export async function api(base: string, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(new URL(`api/${path}`, base), { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** Polls `probe` until it returns a truthy value (at most `timeoutMs`, every `intervalMs`). */
export async function waitFor<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let i = 0; Date.now() < deadline && i < 10_000; i++) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** Whether Debian's Chromium is installed. */
export const hasChromium = existsSync(CHROMIUM_PATH);

/**
 * Tests that need Chromium run when it is installed; without it they are
 * skipped locally, but under CI they run and fail.
 */
export const skipBrowser = !hasChromium && !process.env.CI;

/** Launches headless Chromium with a fresh profile. Under CI a missing Chromium is an error. */
export async function launchChromium(): Promise<BrowserContext> {
  if (!hasChromium) throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
  const profile = mkdtempSync(join(tmpdir(), 'imperal-chromium-'));
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS], viewport: { width: 1400, height: 900 } });
}
