/**
 * The prompt library (@clack/prompts, bundled into the CLI's `init-prompts-*.js`
 * chunk) is loaded only when `init` is about to ask: never by `--version`,
 * `--help` or a scripted `init`. A module-resolution hook registered with
 * `--import` makes any import of that chunk (or of `@clack/*`, should it ever be
 * an external dependency again) fail the process; the control case (an
 * interactive `init` on a pseudo-terminal under the same hook) shows the hook
 * really catches the import.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanScratch, REPO, scratch } from './helpers.js';
import { runInPty } from './pty.js';

afterEach(cleanScratch);

/** A file to pass to `node --import` that refuses to load the prompt library, naming what was imported. */
function refuseClack(dir: string): string {
  const hook = join(dir, 'refuse-clack-hook.mjs');
  writeFileSync(
    hook,
    `export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@clack/') || specifier.includes('init-prompts-')) throw new Error('PROMPT LIBRARY LOADED: ' + specifier);
  return next(specifier, context);
}
`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  return pathToFileURL(register).href;
}

describe('the prompt library is loaded lazily', () => {
  it.each([
    [['--version']],
    [['--help']],
    [['init', '--help']],
    [['init', 'scripted-app', '--template', 'panel']],
  ])('imperal %j runs without it', (args) => {
    const dir = scratch();
    const r = spawnSync(process.execPath, ['--import', refuseClack(dir), join(REPO, 'dist/cli/main.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).not.toContain('PROMPT LIBRARY LOADED');
    expect(r.status, r.stderr).toBe(0);
  });

  it('control: an interactive init under the same hook does load it, and fails', async () => {
    const dir = scratch();
    const run = runInPty(['init'], dir, { NODE_OPTIONS: `--import=${refuseClack(dir)}` });
    try {
      expect(await run.exit()).not.toBe(0);
      expect(run.screen()).toMatch(/PROMPT LIBRARY LOADED: \.\/init-prompts-\w+\.js/);
    } finally {
      run.kill();
    }
  }, 30_000);
});
