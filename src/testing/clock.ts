/**
 * A controllable clock for tests: cache TTLs, document timestamps and webhook
 * signatures read it instead of the system time.
 *
 * @module
 */

/** Anything that tells the time in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** The system clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to. Starts at 2026-01-01T00:00:00Z unless given a start. */
export class FakeClock implements Clock {
  #now: number;

  constructor(start: number | Date | string = '2026-01-01T00:00:00Z') {
    this.#now = FakeClock.#ms(start);
  }

  static #ms(t: number | Date | string): number {
    const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
    if (!Number.isFinite(ms)) throw new TypeError(`FakeClock: '${String(t)}' is not a valid time`);
    return ms;
  }

  /** Epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /** The current time as a Date. */
  date(): Date {
    return new Date(this.#now);
  }

  /** Moves forward by `ms` (negative values are rejected: time does not run backwards). */
  advance(ms: number): this {
    if (!(ms >= 0)) throw new RangeError(`FakeClock.advance: ms must be >= 0 (got ${ms})`);
    this.#now += ms;
    return this;
  }

  /** Jumps to `t`. */
  set(t: number | Date | string): this {
    this.#now = FakeClock.#ms(t);
    return this;
  }
}
