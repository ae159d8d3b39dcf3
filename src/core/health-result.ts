/**
 * What a health check's return value means on the wire. Python health checks
 * return whatever they like (a dict such as `{status, version, api}`, an
 * `ActionResult`, a `HealthStatus`); the platform shows the status and keeps the
 * rest. A value that does not clearly say "ok" is never reported as ok.
 *
 * @module
 */
import { ActionResult } from '../types/action-result.js';
import { HealthStatus, type HealthLevel, type HealthStatusDict } from '../types/health.js';
import { isPlainObject } from '../types/json.js';

// Status words other SDKs and services use, mapped to the three levels.
const LEVEL_OF: Readonly<Record<string, HealthLevel>> = {
  ok: 'ok',
  healthy: 'ok',
  success: 'ok',
  pass: 'ok',
  up: 'ok',
  degraded: 'degraded',
  warn: 'degraded',
  warning: 'degraded',
  unhealthy: 'unhealthy',
  error: 'unhealthy',
  fail: 'unhealthy',
  failed: 'unhealthy',
  down: 'unhealthy',
};

/**
 * The wire form of a health check's return value:
 *
 * - `HealthStatus` → its `toDict()`;
 * - `ActionResult` → `ok` (summary as message, object data as details) or
 *   `unhealthy` (its error as message, its code under `details.error_code`);
 * - a plain object → its `status` mapped to a level (`healthy` → `ok`, `error` → `unhealthy` …;
 *   an unknown or missing status is `unhealthy`), `message` (or `error`), `details`,
 *   and every other field kept as it is (`{status, version, api}` keeps `version` and `api`);
 * - `undefined`/`null`/`true` → `ok`; `false` → `unhealthy`; a status word → that level;
 * - anything else → `unhealthy`, naming what came back.
 */
export function healthFromResult(result: unknown): HealthStatusDict {
  if (result instanceof HealthStatus) return result.toDict();
  if (result instanceof ActionResult) {
    if (result.ok) return { status: 'ok', message: result.summary, details: isPlainObject(result.data) ? { ...result.data } : {} };
    return { status: 'unhealthy', message: result.error ?? 'health check failed', details: { error_code: result.errorCode } };
  }
  if (result === undefined || result === null || result === true) return HealthStatus.ok().toDict();
  if (result === false) return HealthStatus.unhealthy('health check returned false').toDict();
  if (typeof result === 'string') {
    const level = LEVEL_OF[result.toLowerCase()];
    return level ? new HealthStatus(level, level === 'ok' ? '' : result).toDict() : HealthStatus.unhealthy(result).toDict();
  }
  if (isPlainObject(result)) return fromObject(result);
  const what = Array.isArray(result) ? 'an array' : typeof result;
  return HealthStatus.unhealthy(`health check returned ${what}; return a HealthStatus, an ActionResult or { status }`).toDict();
}

function fromObject(result: Record<string, unknown>): HealthStatusDict {
  const { status, message, details, ...extra } = result;
  const level = levelOf(status);
  const text = typeof message === 'string' ? message : typeof extra.error === 'string' ? extra.error : '';
  const out: HealthStatusDict = {
    status: level ?? 'unhealthy',
    message: level ? text : `health check returned ${status === undefined ? 'no status' : `an unknown status ${JSON.stringify(status)}`}${text ? `: ${text}` : ''}`,
    details: isPlainObject(details) ? details : {},
  };
  return Object.assign(out, extra);
}

function levelOf(status: unknown): HealthLevel | undefined {
  if (status === true) return 'ok';
  if (status === false) return 'unhealthy';
  return typeof status === 'string' ? LEVEL_OF[status.toLowerCase()] : undefined;
}
