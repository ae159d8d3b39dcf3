/**
 * Health checks on the wire (docs/dispatch.md): whatever a handler returns,
 * a non-ok answer is never reported as ok, and fields beside the status are
 * kept (a Python check returning `{status, version, api}` keeps both).
 */
import { describe, expect, it } from 'vitest';
import { ActionResult, Extension, HealthStatus, dispatch } from '../../src/index.js';
import { MockContext } from '../../src/testing/index.js';

async function healthOf(value: unknown) {
  const ext = new Extension('health-app');
  ext.healthCheck()(async () => value);
  return dispatch(ext, { kind: 'health' }, new MockContext({ extension: ext, kind: 'system' }));
}

describe('health check results', () => {
  it('a dict keeps its extra fields, in order, after status, message and details', async () => {
    const out = await healthOf({ status: 'ok', version: '1.2.0', api: 'up' });
    expect(out).toEqual({ status: 'ok', message: '', details: {}, version: '1.2.0', api: 'up' });
    expect(Object.keys(out)).toEqual(['status', 'message', 'details', 'version', 'api']);
  });

  it.each([
    [{ status: 'unhealthy', message: 'db down', db: false }, { status: 'unhealthy', message: 'db down', details: {}, db: false }],
    [{ status: 'degraded', message: 'slow', details: { p99: 900 } }, { status: 'degraded', message: 'slow', details: { p99: 900 } }],
    [{ status: 'healthy', uptime: 5 }, { status: 'ok', message: '', details: {}, uptime: 5 }],
    [{ status: 'error', error: 'quota' }, { status: 'unhealthy', message: 'quota', details: {}, error: 'quota' }],
    [{ status: false }, { status: 'unhealthy', message: '', details: {} }],
  ])('%j → %j', async (value, expected) => {
    expect(await healthOf(value)).toEqual(expected);
  });

  it('ActionResult.error(...) is unhealthy with its message and code; success is ok with its data', async () => {
    expect(await healthOf(ActionResult.error('backend unreachable', { code: 'BACKEND_DOWN' }))).toEqual({
      status: 'unhealthy',
      message: 'backend unreachable',
      details: { error_code: 'BACKEND_DOWN' },
    });
    expect(await healthOf(ActionResult.success({ tasks: 3 }, { summary: 'fine' }))).toEqual({ status: 'ok', message: 'fine', details: { tasks: 3 } });
  });

  it('any shape that does not say ok is not ok', async () => {
    for (const value of [{ healthy: true }, {}, { status: 'bogus' }, 42, ['ok'], 'exploded', false]) {
      const out = await healthOf(value);
      expect(out.status, JSON.stringify(value)).toBe('unhealthy');
      expect(out.message, JSON.stringify(value)).not.toBe('');
    }
    expect((await healthOf({ healthy: true })).healthy).toBe(true);
    expect((await healthOf({})).message).toBe('health check returned no status');
  });

  it('HealthStatus, nothing, true and status words', async () => {
    expect(await healthOf(HealthStatus.degraded('slow'))).toEqual({ status: 'degraded', message: 'slow', details: {} });
    expect((await healthOf(undefined)).status).toBe('ok');
    expect((await healthOf(true)).status).toBe('ok');
    expect(await healthOf('degraded')).toEqual({ status: 'degraded', message: 'degraded', details: {} });
    expect((await healthOf('OK')).status).toBe('ok');
  });
});
