/**
 * A registration order that does not depend on the compiler.
 *
 * Compilers apply the decorators of one class in different orders: tsc's legacy
 * emit decorates instance members before static ones, esbuild and the standard
 * dialect follow the source. So that one extension yields one manifest whatever
 * compiled it, records of the same class are listed static members first, each
 * kind in the order it was applied.
 *
 * @module
 */
import type { HandlerRecord } from './records.js';

/**
 * Returns `records` with every run of consecutive records from the same class
 * reordered static-first (stable). Records of plain functions keep their place.
 */
export function declarationOrder<T extends HandlerRecord>(records: Iterable<T>): T[] {
  const out: T[] = [];
  let run: T[] = [];
  const flush = (): void => {
    out.push(...run.filter((r) => r.handler.isStatic), ...run.filter((r) => !r.handler.isStatic));
    run = [];
  };
  for (const record of records) {
    const key = record.handler.classKey;
    if (run.length > 0 && (key === undefined || run[0]!.handler.classKey !== key)) flush();
    if (key === undefined) out.push(record);
    else run.push(record);
  }
  flush();
  return out;
}
