/**
 * Reads the copies of reference files kept under `test/fixtures/reference/`
 * (unchanged bytes of `../shared/reference/<same path>`), so tests run in a
 * clone that has no `../shared`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of `test/fixtures/reference/<relative>`. */
export function fixtureReferencePath(relative: string): string {
  return fileURLToPath(new URL(`../fixtures/reference/${relative}`, import.meta.url));
}

/** Parsed JSON of `test/fixtures/reference/<relative>`. */
export function readFixtureReference<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(fixtureReferencePath(relative), 'utf8')) as T;
}
