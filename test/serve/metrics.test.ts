/**
 * The host's metrics: per-call tallies kept cheaply and handed to prom-client at
 * scrape — the exposition must count every call exactly once, show calls in
 * flight, and bound the buffered durations.
 */
import { describe, expect, it } from 'vitest';
import type { RpcReply } from '../../src/rpc/envelope.js';
import { createHostMetrics } from '../../src/serve/metrics.js';

const success = { status: 'success', error: null } as unknown as RpcReply;
const timeout = { status: 'error', error: { category: 'timeout', message: 'late', retryable: true } } as unknown as RpcReply;

/** The value of the series `name{labels}` (label order as prom-client writes it does not matter). */
function valueOf(text: string, series: string): number | undefined {
  const [name, labels = ''] = series.replace('}', '').split('{');
  const wanted = labels.split(',').filter(Boolean);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.includes(pair)) && l.split(' ')[0]!.split(',').length === wanted.length);
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('host metrics', () => {
  it('counts every call once by function, transport and outcome, with durations and calls in flight', async () => {
    const m = createHostMetrics({ appId: 'm-app', processMetrics: false });
    const running = m.callStarted('slow', 'redis');
    let text = await m.render();
    expect(valueOf(text, 'imperal_calls_in_flight{transport="redis",app_id="m-app"}')).toBe(1);
    // More calls than the duration buffer holds (256), so both the full-buffer flush and the scrape's run.
    for (let i = 0; i < 600; i++) m.callStarted('echo', 'http')(i % 3 === 0 ? timeout : success);
    const end = m.callStarted('echo', 'http');
    end(success);
    end(success); // a second end (late result after a timeout) is not counted
    running(success);
    text = await m.render();
    expect(valueOf(text, 'imperal_calls_total{function="echo",transport="http",outcome="success",app_id="m-app"}')).toBe(401);
    expect(valueOf(text, 'imperal_calls_total{function="echo",transport="http",outcome="timeout",app_id="m-app"}')).toBe(200);
    expect(valueOf(text, 'imperal_call_duration_seconds_count{function="echo",transport="http",app_id="m-app"}')).toBe(601);
    expect(valueOf(text, 'imperal_call_duration_seconds_count{function="slow",transport="redis",app_id="m-app"}')).toBe(1);
    expect(valueOf(text, 'imperal_calls_in_flight{transport="redis",app_id="m-app"}')).toBe(0);
    // A scrape hands over only what is new: a second one shows the same totals.
    expect(valueOf(await m.render(), 'imperal_calls_total{function="echo",transport="http",outcome="success",app_id="m-app"}')).toBe(401);
  });
});
