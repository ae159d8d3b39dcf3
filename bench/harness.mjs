/**
 * Tiny benchmark helpers shared by the bench files: run a function enough times
 * to measure it, after a warm-up, and report the median per-operation time.
 */

/** Median nanoseconds per call of `fn` (sync or async), over `rounds` rounds of `batch` calls. */
export async function measure(fn, { batch = 1000, rounds = 15, warmup = 3 } = {}) {
  const samples = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) {
      const out = fn(i);
      if (out && typeof out.then === 'function') await out;
    }
    const elapsed = Number(process.hrtime.bigint() - start) / batch;
    if (round >= warmup) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** A result row: `value` in `unit`, its ratio to `baseline` (same unit) when given, and the goal for that ratio. */
export function row(name, value, unit, baseline, target) {
  return { name, value, unit, baseline, ratio: baseline === undefined ? undefined : value / baseline, target };
}
