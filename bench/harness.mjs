/**
 * Tiny benchmark helpers shared by the bench files. Candidates are measured in
 * interleaved rounds (A, B, A, B, …) after a shared warm-up, so JIT state and
 * machine load affect a measurement and its baseline alike; each reports the
 * median per-operation time.
 */

async function timeBatch(fn, batch) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < batch; i++) {
    const out = fn(i);
    if (out && typeof out.then === 'function') await out;
  }
  return Number(process.hrtime.bigint() - start) / batch;
}

/**
 * Median nanoseconds per call of each candidate (sync or async functions), keyed
 * like `candidates`.
 */
export async function compare(candidates, { batch = 1000, rounds = 21, warmup = 5 } = {}) {
  const names = Object.keys(candidates);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) {
      const ns = await timeBatch(candidates[name], batch);
      if (round >= warmup) samples[name].push(ns);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

/** Median nanoseconds per call of one function. */
export async function measure(fn, options) {
  return (await compare({ fn }, options)).fn;
}

/** A result row: `value` in `unit`, its ratio to `baseline` (same unit) when given, and the goal for that ratio. */
export function row(name, value, unit, baseline, target) {
  return { name, value, unit, baseline, ratio: baseline === undefined ? undefined : value / baseline, target };
}

/**
 * Bytes of heap retained per value built by `make` (median of a few rounds of
 * `count` values kept alive), or `undefined` without `--expose-gc`.
 */
export function retainedBytes(make, { count = 50, rounds = 5 } = {}) {
  if (typeof globalThis.gc !== 'function') return undefined;
  const samples = [];
  // Held outside the loop and cleared before each baseline, so the previous
  // round's values are really gone when `before` is read.
  let kept;
  for (let round = 0; round < rounds; round++) {
    kept = undefined;
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    kept = Array.from({ length: count }, (_, i) => make(i));
    globalThis.gc();
    samples.push((process.memoryUsage().heapUsed - before) / count);
  }
  if (kept?.length !== count) throw new Error('unreachable');
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
