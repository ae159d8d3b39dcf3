/**
 * Registration-time checks: each throws a {@link RegistrationError} that names the
 * registration and says how to fix it. The patterns are the platform's (the
 * manifest schema's), so anything that passes here also passes the schema.
 *
 * @module
 */
import { Cron } from 'croner';
import { RegistrationError } from '../errors.js';

/** App id: lowercase letters, digits and hyphens, 2+ chars, no leading/trailing hyphen. */
export const APP_ID_PATTERN = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
/** Extension version: semver with an optional pre-release/build-like suffix. */
export const VERSION_PATTERN = /^\d+\.\d+\.\d+(?:[.-][A-Za-z0-9.-]+)?$/;
/** Tool and function names: identifiers. */
export const IDENTIFIER_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Scopes: `*`, `ns:action`, `ns:*`, or legacy `ns.action`. */
export const SCOPE_PATTERN = /^(?:\*|[a-z][a-z0-9_-]*(?:[.:][a-z0-9_*-]+)+)$/;
/** Tray ids. */
export const TRAY_ID_PATTERN = /^[a-z][a-z0-9_-]+$/;
/** Webhook paths (after normalisation to a leading slash). */
export const WEBHOOK_PATH_PATTERN = /^\/[a-z0-9_/-]+$/;
/** Secret names: snake_case, starting with a letter, at most 63 chars. */
export const SECRET_NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
/** Panel, widget and cache-model ids: letters, digits, `_` and `-`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Throws when `value` does not match `pattern` (`rule`: the validator rule it enforces). */
export function requirePattern(subject: string, what: string, value: unknown, pattern: RegExp, fix: string, rule?: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new RegistrationError(subject, `${what} ${JSON.stringify(value)} is invalid (must match ${pattern.source})`, fix, rule);
  }
}

/** Throws when `value` is not one of `allowed` (`rule`: the validator rule it enforces). */
export function requireOneOf<T extends string>(subject: string, what: string, value: unknown, allowed: readonly T[], fix?: string, rule?: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = `[${allowed.map((a) => `'${a}'`).join(', ')}]`;
    throw new RegistrationError(subject, `${what} ${JSON.stringify(value)} is not allowed. Must be one of ${list}`, fix ?? `use one of ${list}`, rule);
  }
  return value as T;
}

/** Throws unless `value` is an integer in `[min, max]`. */
export function requireIntegerIn(subject: string, what: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new RegistrationError(subject, `${what} must be an integer ${range}, got ${JSON.stringify(value)}`, `set ${what} to an integer ${range}`);
  }
  return value;
}

/** Throws unless every scope matches the platform's scope pattern. */
export function requireScopes(subject: string, scopes: readonly unknown[]): void {
  for (const scope of scopes) {
    requirePattern(subject, 'scope', scope, SCOPE_PATTERN, "use '*', 'ns:action', 'ns:*' or 'ns.action' (lowercase), e.g. 'files:read'");
  }
}

const CRON_KEYWORDS = new Set(['@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@annually', '@reboot']);

/**
 * Throws unless `cron` is a 5-field unix cron expression or an `@keyword` that the
 * platform accepts, parsed by croner (so `0 25 * * *` is caught here).
 */
export function requireCron(subject: string, cron: unknown): string {
  const fix = "use a 5-field unix cron expression (e.g. '0 9 * * *') or @hourly/@daily/@weekly/@monthly/@yearly";
  if (typeof cron !== 'string' || cron.trim() === '') throw new RegistrationError(subject, 'cron is missing', fix, 'CRON-1');
  if (CRON_KEYWORDS.has(cron)) return cron;
  if (!/^\S+(?:\s+\S+){4}$/.test(cron.trim())) {
    throw new RegistrationError(subject, `cron '${cron}' must have exactly 5 fields`, fix, 'CRON-1');
  }
  try {
    new Cron(cron, { paused: true });
  } catch (error) {
    throw new RegistrationError(subject, `cron '${cron}' is invalid (${(error as Error).message})`, fix, 'CRON-1');
  }
  return cron;
}

/**
 * Throws unless `name` is a string of at least one character: for names the 5.11
 * manifest schema and the Python SDK take as they are (chat `toolName`, exposed
 * methods, panels, widgets, schedules, signals, event types, cache models), e.g.
 * `page-speed-insights`.
 */
export function requireName(subject: string, what: string, name: unknown, fix: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new RegistrationError(subject, `${what} must be a non-empty string, got ${JSON.stringify(name)}`, fix);
  return name;
}

/** Throws unless `text` is a non-empty string. */
export function requireText(subject: string, what: string, text: unknown, fix: string): string {
  if (typeof text !== 'string' || text.trim() === '') throw new RegistrationError(subject, `${what} must be a non-empty string`, fix);
  return text;
}

/** A webhook path in its one canonical form: one leading `/`, none trailing ('hook', '/hook/' → '/hook'). */
export function normaliseWebhookPath(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}`;
}
