/**
 * Retry policy of the transport: which failures are worth another attempt and
 * how long to wait before it.
 *
 * @module
 */

/** How a transport retries. All durations are milliseconds. */
export interface RetryPolicy {
  /** Extra attempts after the first one (0 disables retries). */
  readonly maxRetries: number;
  /** Backoff before the first retry; doubles on each further retry. */
  readonly baseDelayMs: number;
  /** Cap of the exponential backoff. */
  readonly maxDelayMs: number;
  /** Longest `Retry-After` the transport will wait; a longer one ends the retries. */
  readonly maxRetryAfterMs: number;
}

/** The defaults: 2 retries, 0.5 s doubling to at most 8 s, `Retry-After` honoured up to 60 s. */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
});

/** Statuses that signal a transient condition on the platform side. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Parses `retry-after-ms` / `Retry-After` (seconds or an HTTP date) into
 * milliseconds; `undefined` when absent or unreadable.
 */
export function parseRetryAfter(headers: Readonly<Record<string, string>>, now: () => number = Date.now): number | undefined {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}

/**
 * Backoff before retry number `retry` (1-based): exponential, capped, with up to
 * 25 % jitter taken off so that many clients do not retry in lockstep.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(raw * (1 - 0.25 * random()));
}

/** Sleeps `ms`, waking early (and rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
