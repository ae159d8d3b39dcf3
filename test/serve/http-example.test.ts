/**
 * `npm run example`'s script (examples/tasks-mini/run.mjs) against the built package:
 * validate, build, a real `imperal serve` process, every handler kind over /v1/rpc,
 * a signed webhook, the operational routes and a SIGTERM stop.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../examples/tasks-mini/run.mjs', import.meta.url));

describe('npm run example', () => {
  it('runs the example through imperal serve over HTTP and exits 0', async () => {
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(process.execPath, [SCRIPT], { timeout: 150_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: `${stdout}\n${stderr}` }),
      );
    });
    expect(out, out).not.toContain('example failed');
    expect(code).toBe(0);
    for (const label of ['create_task {title: "Buy milk"}', '__panel__sidebar', 'skeleton_refresh_tasks', '__schedule__morning_digest', '__event__', '__lifecycle__on_install', '__health__']) {
      expect(out).toContain(label);
    }
    expect(out).toContain('(signed) → HTTP 202');
    expect(out).toContain('/v1/rpc without a call token → HTTP 401');
    expect(out).toContain('identical to the imperal.json that imperal build wrote');
    expect(out).toMatch(/imperal_calls_total\{function="create_task",transport="http",outcome="success",app_id="tasks-mini"\} 2/);
    expect(out).toContain('imperal serve stopped on SIGTERM (exit 0)');
  }, 180_000);
});
