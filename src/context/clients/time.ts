/**
 * `ctx.time`: the user's clock as the kernel resolved it (timezone, local time,
 * business hours). Plain data, no network.
 *
 * @module
 */

/** The `ctx.time` shape. */
export interface TimeContext {
  /** IANA zone, e.g. `Europe/Berlin`. */
  readonly timezone: string;
  /** e.g. `+02:00`. */
  readonly utcOffset: string;
  /** ISO-8601 instant. */
  readonly nowUtc: string;
  /** ISO-8601 local date-time without offset. */
  readonly nowLocal: string;
  readonly hourLocal: number;
  readonly isBusinessHours: boolean;
}

/** A frozen {@link TimeContext}; defaults to UTC at `now`. */
export function makeTimeContext(init: Partial<TimeContext> = {}, now: Date = new Date()): TimeContext {
  const iso = now.toISOString();
  return Object.freeze({
    timezone: init.timezone ?? 'UTC',
    utcOffset: init.utcOffset ?? '+00:00',
    nowUtc: init.nowUtc ?? iso,
    nowLocal: init.nowLocal ?? iso.slice(0, 19),
    hourLocal: init.hourLocal ?? now.getUTCHours(),
    isBusinessHours: init.isBusinessHours ?? false,
  });
}
