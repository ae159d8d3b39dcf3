/**
 * Slow end-to-end check of `imperal init`: every template, scaffolded into a
 * temporary folder, installs this package from `npm pack` (plus its pinned
 * dev tools from the registry), passes `imperal validate` with zero errors,
 * type-checks, and passes its own `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/cli/commands/init.js';
import { cli, REPO } from './helpers.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;
let tarball: string;

function run(cmd: string, args: string[], cwd: string): { status: number | null; output: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', npm_config_audit: 'false', npm_config_fund: 'false' } });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'imperal-init-'));
  // One tarball shared by every template (dist/ is built by the global setup).
  const name = execFileSync(NPM, ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' }).trim().split('\n').pop()!;
  tarball = join(work, name);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(TEMPLATES)('imperal init --template %s', (template) => {
  it('validates with zero errors, type-checks and passes its own tests', async () => {
    const project = join(work, `tpl-${template}`);
    expect((await cli('init', project, '--template', template)).code).toBe(0);
    const pkgPath = join(project, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const ours = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies.vitest).toBe(ours.devDependencies.vitest);
    expect(pkg.devDependencies.typescript).toBe(ours.devDependencies.typescript);
    pkg.dependencies['@imperal/sdk'] = `file:${tarball}`;
    writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));

    const install = run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline'], project);
    expect(install.status, install.output).toBe(0);

    const validate = run(process.execPath, [join(project, 'node_modules/@imperal/sdk/dist/cli/main.js'), 'validate', '--json'], project);
    expect(validate.status, validate.output).toBe(0);
    const report = JSON.parse(validate.output.trim().split('\n\n')[0]!) as { summary: { errors: number }; findings: Array<{ rule: string }> };
    expect(report.summary.errors).toBe(0);
    expect(report.findings.map((f) => f.rule)).toEqual(['V8']);

    const typecheck = run(NPM, ['run', 'typecheck'], project);
    expect(typecheck.status, typecheck.output).toBe(0);

    const tests = run(NPM, ['test'], project);
    expect(tests.status, tests.output).toBe(0);
  }, 600_000);
});
