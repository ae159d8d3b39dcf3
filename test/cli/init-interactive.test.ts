/**
 * `imperal init` on a real terminal (a pseudo-terminal from util-linux `script`):
 * it asks for the template, app id, display name and whether to install, checks
 * answers as they are typed, installs with a spinner through `IMPERAL_NPM` (a
 * stand-in for npm, so nothing reaches the network), and a cancelled question
 * writes nothing and exits 130. Without a terminal, with `--yes` or under CI it
 * never asks.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canAsk } from '../../src/cli/commands/init.js';
import { cleanScratch, cli, linkSdk, REPO, scratch } from './helpers.js';
import { KEY, runInPty, type PtyRun } from './pty.js';

const MAIN = join(REPO, 'dist/cli/main.js');
const running: PtyRun[] = [];

afterEach(() => {
  for (const run of running.splice(0)) run.kill();
  cleanScratch();
});

/** `runInPty`, killed after the test whatever happens. */
function pty(args: readonly string[], cwd: string, env: Record<string, string> = {}): PtyRun {
  const run = runInPty(args, cwd, env);
  running.push(run);
  return run;
}

/**
 * A stand-in for npm: records its arguments and folder in `npm-call.json`, waits
 * `FAKE_NPM_MS`, prints a line, and fails with exit 7 when `FAKE_NPM_FAIL` is set.
 */
function fakeNpm(dir: string): string {
  const path = join(dir, 'fake-npm.mjs');
  writeFileSync(
    path,
    `#!${process.execPath}
import { writeFileSync } from 'node:fs';
writeFileSync('npm-call.json', JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }));
await new Promise((done) => setTimeout(done, Number(process.env.FAKE_NPM_MS ?? 0)));
console.log('added 42 packages from the fake registry');
if (process.env.FAKE_NPM_FAIL) { console.error('npm ERR! code E404 (fake)'); process.exit(7); }
`,
  );
  chmodSync(path, 0o755);
  return path;
}

describe('imperal init on a terminal', () => {
  it('asks for template, app id (checked as typed), display name and install, then installs with a spinner', async () => {
    const dir = scratch();
    const run = pty(['init'], dir, { IMPERAL_NPM: fakeNpm(dir), FAKE_NPM_MS: '1600' });
    await run.waitFor('Which template?');
    await run.waitFor('one chat function');
    run.send(KEY.down + KEY.down);
    await run.waitFor('sidebar panel refreshed by an event');
    run.send(KEY.enter);
    await run.waitFor('App id');
    run.send(`Bad_Id${KEY.enter}`);
    await run.waitFor("'Bad_Id' is not a valid app id: use 2+ lowercase letters, digits and inner hyphens (e.g. 'my-tasks')");
    run.send(`${KEY.backspace.repeat(6)}shop-list${KEY.enter}`);
    await run.waitFor('Display name');
    run.send(`Bob's "Shop" List${KEY.enter}`);
    await run.waitFor('Install dependencies now?');
    run.send(KEY.enter); // the default: yes
    await run.waitFor('Installing dependencies');
    expect(await run.exit()).toBe(0);

    const screen = run.screen();
    expect(screen).toContain("Extension 'shop-list' scaffolded (template: panel)");
    expect(screen).toMatch(/Dependencies installed \(.*fake-npm\.mjs install, \ds\)/);
    // npm's own output is shown only when it fails; installed, the next steps skip npm install.
    expect(screen).not.toContain('added 42 packages');
    expect(screen).not.toMatch(/^\s+npm install\s+#/m);

    const project = join(dir, 'shop-list');
    expect(JSON.parse(readFileSync(join(project, 'npm-call.json'), 'utf8'))).toEqual({ args: ['install', '--no-audit', '--no-fund'], cwd: project });
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name: string; description: string };
    expect(pkg.name).toBe('shop-list');
    expect(pkg.description).toBe(`Bob's "Shop" List — an Imperal Cloud extension.`);
    const source = readFileSync(join(project, 'src/index.ts'), 'utf8');
    expect(source).toContain(`new Extension('shop-list'`);
    expect(source).toContain(`displayName: 'Bob\\'s "Shop" List',`);
    expect(source).toContain("@ext.panel('sidebar'"); // the panel template
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toContain('imperal init --template panel');
  }, 40_000);

  it('asks only what the flags leave out', async () => {
    const dir = scratch();
    const run = pty(['init', 'given-name', '--template', 'tool', '--no-install'], dir);
    await run.waitFor('Display name');
    expect(run.screen()).not.toContain('Which template?');
    expect(run.screen()).not.toContain('App id');
    run.send(KEY.enter); // the derived default
    expect(await run.exit()).toBe(0);
    expect(run.screen()).not.toContain('Install dependencies now?');
    expect(readFileSync(join(dir, 'given-name/src/index.ts'), 'utf8')).toContain("displayName: 'Given Name',");
    expect(existsSync(join(dir, 'given-name/npm-call.json'))).toBe(false);
  }, 30_000);

  it('Ctrl-C at the first question: "Cancelled", exit 130, nothing written', async () => {
    const dir = scratch();
    const run = pty(['init'], dir);
    await run.waitFor('Which template?');
    run.send(KEY.ctrlC);
    expect(await run.exit()).toBe(130);
    expect(run.screen()).toContain('Cancelled');
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('Ctrl-C at a later question still writes nothing', async () => {
    const dir = scratch();
    const run = pty(['init', 'later-cancel'], dir);
    await run.waitFor('Which template?');
    run.send(KEY.enter);
    await run.waitFor('Display name');
    run.send(KEY.ctrlC);
    expect(await run.exit()).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);

  it.each([
    ['--yes', ['init', '--yes'], {}],
    ['a CI variable', ['init'], { CI: 'true' }],
  ])('with %s it never asks: a missing folder is a usage error', async (_, args, env) => {
    const dir = scratch();
    const run = pty(args, dir, env);
    expect(await run.exit()).toBe(2);
    expect(run.screen()).toContain("missing the project folder: pass it as the argument, e.g. 'imperal init my-notes' (or pass --app-id <id>)");
    expect(run.screen()).not.toContain('Which template?');
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});

describe('when init may ask (canAsk)', () => {
  const tty = { out: () => undefined, err: () => undefined, isTTY: true, stdinIsTTY: true };
  it.each([
    ['stdin and stdout are terminals', tty, {}, true],
    ['CI=0 and CI=false are not CI', { ...tty, env: { CI: '0' } }, {}, true],
    ['CI=false', { ...tty, env: { CI: 'false' } }, {}, true],
    ['CI=true', { ...tty, env: { CI: 'true' } }, {}, false],
    ['CI=1', { ...tty, env: { CI: '1' } }, {}, false],
    ['--yes', tty, { yes: true }, false],
    ['stdin is a pipe', { ...tty, stdinIsTTY: false }, {}, false],
    ['stdout is a pipe', { ...tty, isTTY: false }, {}, false],
  ])('%s', (_, io, options, expected) => expect(canAsk(io, options)).toBe(expected));
});

describe('imperal init without a terminal', () => {
  it('exits 2 naming the argument and flag to pass when the folder is missing', () => {
    const dir = scratch();
    const r = spawnSync(process.execPath, [MAIN, 'init'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "Error: missing the project folder: pass it as the argument, e.g. 'imperal init my-notes' (or pass --app-id <id>); init asks for it only on a terminal, without --yes and outside CI\n",
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--app-id and --display-name land in the scaffold (the app id is also the folder)', async () => {
    const dir = scratch();
    // Without [name] the folder is the app id, in the current folder.
    const inDir = spawnSync(process.execPath, [MAIN, 'init', '--app-id', 'grocery-bot', '--display-name', 'Grocery Helper', '-t', 'tool'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(inDir.status, inDir.stderr).toBe(0);
    const source = readFileSync(join(dir, 'grocery-bot/src/index.ts'), 'utf8');
    expect(source).toContain("new Extension('grocery-bot'");
    expect(source).toContain("displayName: 'Grocery Helper',");
    expect(readFileSync(join(dir, 'grocery-bot/README.md'), 'utf8')).toMatch(/^# Grocery Helper\n/);

    // With a folder, --app-id overrides its basename.
    expect((await cli('init', join(dir, 'some-folder'), '--app-id', 'other-id')).code).toBe(0);
    expect(readFileSync(join(dir, 'some-folder/package.json'), 'utf8')).toContain('"name": "other-id"');
  });

  it('a display name with quotes, a backslash and */ stays valid TypeScript and JSON, and reaches the manifest as typed', async () => {
    const project = join(scratch(), 'quoted-name');
    const displayName = `Bob's "Notes" \\ */ – ünïcode`;
    for (const template of ['chat', 'full'] as const) {
      expect((await cli('init', project, '-t', template, '--display-name', displayName, '--force')).code).toBe(0);
      expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).description).toBe(`${displayName} — an Imperal Cloud extension.`);
      if (template === 'chat') linkSdk(project);
      const build = await cli('build', project);
      expect(build.code, build.err).toBe(0);
      expect(JSON.parse(readFileSync(join(project, 'imperal.json'), 'utf8')).name).toBe(displayName);
      const validate = await cli('validate', project, '--json');
      expect(JSON.parse(validate.out).summary.errors, validate.out).toBe(0);
    }
  }, 60_000);

  it('refuses a display name the validator would reject, before writing anything', async () => {
    const dir = scratch();
    for (const [name, message] of [
      ['  ', '--display-name: the display name cannot be empty'],
      ['Ab', "--display-name: the display name must have at least 3 characters (validator rule V15), got 'Ab'"],
      ['my-app', '--display-name: the display name must be a human-readable name, not the app id itself (validator rule V15)'],
      ['two\nlines', '--display-name: the display name must be one line of text'],
    ]) {
      const r = await cli('init', join(dir, 'my-app'), '--display-name', name!);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--install runs npm (IMPERAL_NPM) quietly; a failed install shows its output and exits 1, the scaffold stays', () => {
    const dir = scratch();
    const env = { ...process.env, IMPERAL_NPM: fakeNpm(dir) };
    const ok = spawnSync(process.execPath, [MAIN, 'init', 'with-deps', '--install'], { cwd: dir, encoding: 'utf8', env, timeout: 20_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toBe(''); // no spinner without a terminal
    expect(ok.stdout).toMatch(/^Extension 'with-deps' scaffolded \(template: chat\)\n✔ Dependencies installed \(.*fake-npm\.mjs install, \ds\)\n\nNext steps:\n {2}cd with-deps\n {2}npx imperal build/);
    expect(existsSync(join(dir, 'with-deps/npm-call.json'))).toBe(true);

    const failed = spawnSync(process.execPath, [MAIN, 'init', 'broken-deps', '--install'], { cwd: dir, encoding: 'utf8', env: { ...env, FAKE_NPM_FAIL: '1' }, timeout: 20_000 });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('added 42 packages from the fake registry');
    expect(failed.stderr).toContain('npm ERR! code E404 (fake)');
    expect(failed.stderr).toMatch(/Error: .*fake-npm\.mjs install failed \(exit code 7\); the project is scaffolded in '.*broken-deps': fix the problem above, then run npm install there\n$/);
    expect(existsSync(join(dir, 'broken-deps/src/index.ts'))).toBe(true);

    const missing = spawnSync(process.execPath, [MAIN, 'init', 'no-npm', '--install'], { cwd: dir, encoding: 'utf8', env: { ...env, IMPERAL_NPM: join(dir, 'no-such-npm') }, timeout: 20_000 });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`could not run '${join(dir, 'no-such-npm')}'`);
  });
});
