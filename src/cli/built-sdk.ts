/**
 * Where the built SDK lives when the CLI runs from `dist/`. Commands that run an
 * extension in this process (`imperal serve`) must give it the very SDK instance
 * the host uses: the CLI's own bundle holds a copy of the core, so `instanceof`
 * checks (an `ActionResult`, a `WebhookResponse`) would fail across the two.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built package's entry files, by specifier. */
export interface BuiltSdk {
  /** `dist/serve/index.js`. */
  readonly serve: string;
  /** `@imperal/sdk`, `@imperal/sdk/ui`, … → their files in `dist/`. */
  readonly entries: Readonly<Record<string, string>>;
}

const ENTRIES = [
  ['@imperal/sdk', 'index.js'],
  ['@imperal/sdk/ui', 'ui/index.js'],
  ['@imperal/sdk/testing', 'testing/index.js'],
  ['@imperal/sdk/serve', 'serve/index.js'],
] as const;

/** The built SDK beside this code, or `undefined` when running from the sources. */
export function builtSdk(): BuiltSdk | undefined {
  // This code sits in dist/cli/main.js or in a shared chunk in dist/.
  const here = dirname(fileURLToPath(import.meta.url));
  const dist = basename(here) === 'cli' ? dirname(here) : here;
  if (basename(dist) !== 'dist' || !existsSync(join(dist, 'serve/index.js'))) return undefined;
  const entries: Record<string, string> = {};
  for (const [spec, rel] of ENTRIES) if (existsSync(join(dist, rel))) entries[spec] = join(dist, rel);
  return { serve: join(dist, 'serve/index.js'), entries };
}
