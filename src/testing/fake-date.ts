/**
 * Opt-in: `Date.now()` and `new Date()` inside handlers read a {@link Clock}
 * (the tester's fake clock) while a tester call runs. Installed per call and
 * removed when the last overlapping call ends; code still running after the
 * call (a background task) sees the real time again.
 *
 * @module
 */
import type { Clock } from './clock.js';

const RealDate = globalThis.Date;
let installed = 0;

/** Replaces the global `Date` with one reading `clock` until the returned function is called. */
export function installFakeDate(clock: Clock): () => void {
  if (installed++ === 0) {
    // A function, not a subclass: `Date()` without `new` must still return a string.
    const FakeDate = function (this: unknown, ...args: unknown[]) {
      if (!new.target) return new RealDate(clock.now()).toString();
      return args.length === 0 ? new RealDate(clock.now()) : new RealDate(...(args as [string | number | Date]));
    } as unknown as DateConstructor;
    Object.defineProperties(FakeDate, {
      prototype: { value: RealDate.prototype },
      now: { value: () => clock.now() },
      parse: { value: RealDate.parse },
      UTC: { value: RealDate.UTC },
    });
    globalThis.Date = FakeDate;
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (--installed === 0) globalThis.Date = RealDate;
  };
}

/** Runs `work` with the fake `Date` installed. */
export async function withFakeDate<T>(clock: Clock, work: () => Promise<T>): Promise<T> {
  const restore = installFakeDate(clock);
  try {
    return await work();
  } finally {
    restore();
  }
}

/** Deterministic ids for tests: `id_1`, `id_2`, … (pass as `idGenerator`). */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}_${++n}`;
}
