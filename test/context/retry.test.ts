import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, backoffDelay, parseRetryAfter, sleep } from '../../src/http/retry.js';

describe('retry policy', () => {
  it('backs off exponentially with at most 25 % jitter, capped', () => {
    expect(backoffDelay(DEFAULT_RETRY, 1, () => 0)).toBe(500);
    expect(backoffDelay(DEFAULT_RETRY, 2, () => 0)).toBe(1000);
    expect(backoffDelay(DEFAULT_RETRY, 3, () => 1)).toBe(1500);
    expect(backoffDelay(DEFAULT_RETRY, 10, () => 0)).toBe(8000);
  });

  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250' })).toBe(250);
    expect(parseRetryAfter({ 'retry-after': '3' })).toBe(3000);
    const now = () => Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, now)).toBe(10_000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
  });

  it('sleep wakes early when aborted', async () => {
    const ac = new AbortController();
    const p = sleep(60_000, ac.signal);
    ac.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});
