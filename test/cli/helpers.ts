import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program.js';

/** Repository root (the built package, for projects that import `@imperal/sdk`). */
export const REPO = join(import.meta.dirname, '../..');

const created: string[] = [];

/** A fresh scratch folder under test/.tmp (git-ignored); removed by {@link cleanScratch}. */
export function scratch(): string {
  const base = join(REPO, 'test/.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'cli-'));
  created.push(dir);
  return dir;
}

/** Removes every folder {@link scratch} made. */
export function cleanScratch(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Makes `@imperal/sdk` resolve to this repository's build inside `project`. */
export function linkSdk(project: string): void {
  mkdirSync(join(project, 'node_modules/@imperal'), { recursive: true });
  symlinkSync(REPO, join(project, 'node_modules/@imperal/sdk'), 'dir');
}

/** Runs the CLI in-process; returns exit code and captured output. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}
