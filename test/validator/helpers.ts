import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateProject, type ValidationReport } from '../../src/validator/index.js';

/** Root of the rule fixtures. */
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Validates a fixture against the SDK sources (no build needed), with its env.json as the environment. */
export async function validateFixture(dir: string): Promise<ValidationReport> {
  const envFile = join(dir, 'env.json');
  const env = existsSync(envFile) ? (JSON.parse(readFileSync(envFile, 'utf8')) as Record<string, string>) : {};
  return validateProject(dir, { alias: { '@imperal/sdk': join(import.meta.dirname, '../../src/index.ts') }, env });
}
