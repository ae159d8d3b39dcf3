/**
 * `imperal init --force` over an existing project writes the scaffold's own
 * files and touches nothing else: not `node_modules` (whose installed SDK ships
 * the very templates with their placeholders), not dotfolders, not the user's
 * files. The slow case installs the packed package, re-runs init with the
 * installed CLI, and checks `imperal validate` still works there.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cleanScratch, cli, REPO, scratch } from './helpers.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `relative path → sha256` of every file below `dir` (symlinks not followed). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** Files a project owner wrote that hold placeholder-looking text init must not rewrite. */
function plantUserFiles(project: string): string[] {
  const files = {
    '.git/HEAD': 'ref: refs/heads/__APP_ID__\n',
    '.vscode/settings.json': '{ "title": "__DISPLAY_NAME__" }\n',
    'notes/__APP_ID__.md': 'Remember __TOOL_NAME__ and __SDK_VERSION__.\n',
    'node_modules/some-lib/index.js': 'export const id = "__APP_ID__";\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(project, file, '..'), { recursive: true });
    writeFileSync(join(project, file), text);
  }
  return Object.keys(files);
}

afterEach(cleanScratch);

describe('imperal init --force', () => {
  it('rewrites only its own files; dotfolders, node_modules and user files keep their bytes', async () => {
    const project = join(scratch(), 'my-app');
    expect((await cli('init', project)).code).toBe(0);
    const planted = plantUserFiles(project);
    const before = snapshot(project);
    expect((await cli('init', project, '--force', '-t', 'panel')).code).toBe(0);
    const after = snapshot(project);
    for (const file of planted) expect(after[file], file).toBe(before[file]);
    // The scaffold itself was written again, placeholders filled.
    expect(readFileSync(join(project, 'package.json'), 'utf8')).toContain('"name": "my-app"');
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toContain('node_modules');
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual([]);
  });

  describe('over a project with the packed SDK installed', () => {
    const work = mkdtempSync(join(tmpdir(), 'imperal-init-force-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('leaves the installed SDK byte-identical and `imperal validate` passes afterwards', async () => {
      const tarball = join(work, execFileSync(NPM, ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' }).trim().split('\n').pop()!);
      const project = join(work, 'my-app');
      expect((await cli('init', project)).code).toBe(0);
      const pkgPath = join(project, 'package.json');
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies: Record<string, string> };
      pkg.dependencies['@imperal/sdk'] = `file:${tarball}`;
      writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
      // validate needs the SDK and the CLI's toolchain (optional peers), not the project's test tools.
      const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_loglevel: 'error' };
      const install = spawnSync(NPM, ['install', '--omit=dev', '--prefer-offline'], { cwd: project, encoding: 'utf8', env });
      expect(install.status, install.stderr).toBe(0);
      const toolchain = spawnSync(NPM, ['install', '--no-save', '--prefer-offline', 'esbuild', '@babel/parser', 'fast-xml-parser', 'ajv'], { cwd: project, encoding: 'utf8', env });
      expect(toolchain.status, toolchain.stderr).toBe(0);

      const sdk = join(project, 'node_modules/@imperal/sdk');
      // The installed templates hold the placeholders: a walk into node_modules would rewrite them.
      expect(readFileSync(join(sdk, 'templates/_shared/package.json'), 'utf8')).toContain('__APP_ID__');
      const before = snapshot(sdk);
      const bin = join(sdk, 'dist/cli/main.js');
      const init = spawnSync(process.execPath, [bin, 'init', '.', '--force', '--template', 'full'], { cwd: project, encoding: 'utf8' });
      expect(init.status, init.stderr).toBe(0);
      expect(snapshot(sdk)).toEqual(before);

      const validate = spawnSync(process.execPath, [bin, 'validate', '--json'], { cwd: project, encoding: 'utf8' });
      expect(validate.status, `${validate.stdout}\n${validate.stderr}`).toBe(0);
      const report = JSON.parse(validate.stdout.trim().split('\n\n')[0]!) as { summary: { errors: number } };
      expect(report.summary.errors).toBe(0);
    }, 600_000);
  });
});
