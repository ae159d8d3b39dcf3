/**
 * The CLI's progress spinner: drawn on stderr only when it is a terminal and the
 * task outlasts the delay, cleared afterwards (also when the task throws), and
 * its timers never keep the process alive.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatElapsed, withProgress, type ProgressTarget } from '../../src/cli/progress.js';
import { cleanScratch, cli, linkSdk, REPO, scratch } from './helpers.js';
import { runInPty } from './pty.js';

const CLEAR_LINE = '\r\x1b[2K';
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** A fake stderr that records what is written. */
function target(errIsTTY: boolean, env: Record<string, string> = { NO_COLOR: '1' }): ProgressTarget & { written: string[] } {
  const written: string[] = [];
  return { written, errIsTTY, env, err: (text) => void written.push(text) };
}

afterEach(() => {
  vi.restoreAllMocks();
  cleanScratch();
});

describe('withProgress', () => {
  it('prints nothing when stderr is not a terminal, however long the task takes', async () => {
    const t = target(false);
    expect(await withProgress(t, 'Loading…', async () => (await sleep(80), 42), { delayMs: 5, intervalMs: 5 })).toBe(42);
    expect(t.written).toEqual([]);
  });

  it('prints nothing when the task finishes before the delay (no flicker)', async () => {
    const t = target(true);
    expect(await withProgress(t, 'Loading…', async () => (await sleep(10), 'done'), { delayMs: 600, intervalMs: 10 })).toBe('done');
    await sleep(650);
    expect(t.written).toEqual([]);
  });

  it('draws frames with the label and elapsed seconds on a slow task, then clears the line and stops', async () => {
    const t = target(true);
    await withProgress(t, 'Bundling the extension…', () => sleep(200), { delayMs: 30, intervalMs: 10 });
    const frames = t.written.slice(0, -1);
    expect(frames.length).toBeGreaterThanOrEqual(3);
    for (const frame of frames) expect(frame).toMatch(/^\r\x1b\[2K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Bundling the extension… \d+s$/);
    expect(new Set(frames.map((f) => f.charAt(5))).size).toBeGreaterThan(1); // it animates
    expect(t.written.at(-1)).toBe(CLEAR_LINE);
    const count = t.written.length;
    await sleep(60);
    expect(t.written.length).toBe(count); // no frame after the task
  });

  it('clears the line and rethrows when the task fails', async () => {
    const t = target(true);
    await expect(withProgress(t, 'Loading…', async () => (await sleep(80), Promise.reject(new Error('boom'))), { delayMs: 10, intervalMs: 10 })).rejects.toThrow('boom');
    expect(t.written.length).toBeGreaterThan(1);
    expect(t.written.at(-1)).toBe(CLEAR_LINE);
  });

  it('interrupt() clears the line before the task writes, and the spinner comes back', async () => {
    const t = target(true);
    await withProgress(
      t,
      'Starting…',
      async (progress) => {
        await sleep(60);
        progress.interrupt();
        t.err('a log line\n');
        await sleep(60);
      },
      { delayMs: 10, intervalMs: 10 },
    );
    const at = t.written.indexOf('a log line\n');
    expect(t.written[at - 1]).toBe(CLEAR_LINE);
    expect(t.written.slice(at + 1, -1).some((w) => w.includes('Starting…'))).toBe(true);
  });

  it('stays off on a TERM=dumb terminal, and colours the frame unless NO_COLOR', async () => {
    const dumb = target(true, { TERM: 'dumb' });
    await withProgress(dumb, 'Loading…', () => sleep(60), { delayMs: 5, intervalMs: 5 });
    expect(dumb.written).toEqual([]);
    const coloured = target(true, { FORCE_COLOR: '1' });
    await withProgress(coloured, 'Loading…', () => sleep(60), { delayMs: 5, intervalMs: 10 });
    expect(coloured.written[0]).toContain('\x1b[36m');
  });

  it('never keeps the process alive: both of its timers are unref()ed', async () => {
    const timers: NodeJS.Timeout[] = [];
    const realTimeout = globalThis.setTimeout;
    const realInterval = globalThis.setInterval;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = realTimeout(fn, ms);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = realInterval(fn, ms);
      timers.push(timer);
      return timer;
    }) as typeof setInterval);
    const t = target(true);
    let refs: boolean[] = [];
    await withProgress(
      t,
      'Loading…',
      async () => {
        await new Promise<void>((done) => realTimeout(done, 60));
        refs = timers.map((timer) => timer.hasRef());
      },
      { delayMs: 10, intervalMs: 10 },
    );
    expect(refs).toEqual([false, false]);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0s'],
    [1999, '1s'],
    [59_999, '59s'],
    [65_000, '1m 05s'],
  ])('%i ms → %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});

describe('imperal validate with a slow extension', () => {
  /** A scaffold whose module takes 1.5 s to import. */
  async function slowProject(): Promise<string> {
    const project = join(scratch(), 'slow-app');
    expect((await cli('init', project)).code).toBe(0);
    linkSdk(project);
    const entry = join(project, 'src/index.ts');
    writeFileSync(entry, `await new Promise((done) => setTimeout(done, 1500));\n${readFileSync(entry, 'utf8')}`);
    return project;
  }

  it('shows the spinner on a terminal and clears it before the report', async () => {
    const project = await slowProject();
    const run = runInPty(['validate', project], project);
    try {
      expect(await run.exit(30_000)).toBe(0);
      const screen = run.screen();
      expect(screen).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Loading and checking the extension… \d+s/);
      expect(screen).toContain('RESULTS: 0 error(s), 1 warning(s), 0 info');
    } finally {
      run.kill();
    }
  }, 40_000);

  it('prints nothing but the report when stderr is not a terminal', async () => {
    const project = await slowProject();
    const r = spawnSync(process.execPath, [join(REPO, 'dist/cli/main.js'), 'validate', project, '--json'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ app_id: 'slow-app', valid: true });
  }, 40_000);
});
