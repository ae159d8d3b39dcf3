/**
 * At-most-once execution per `corr_id`: before a call runs, the host asks
 * Redis what is already known about it, in one atomic round trip.
 *
 * - a stored reply (`imperal:rpc:done:<corr_id>`) → answer with it, do not run;
 * - a `started` marker without a stored reply → a worker began it and vanished
 *   (or it is running elsewhere): the outcome is unknown, do not run;
 * - neither → set the marker (`SET NX`, expiring after the deadline plus the
 *   reply TTL) and run.
 *
 * @module
 */
import type { Redis } from 'ioredis';
import type { RpcRequest } from '../../rpc/envelope.js';
import { doneKey, startedKey } from './keys.js';

/** What to do with a decoded call. */
export type Decision =
  | { readonly kind: 'run' }
  | { readonly kind: 'stored'; readonly reply: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'expired' };

/** The error message of a call whose worker died while running it. */
export const OUTCOME_UNKNOWN =
  'the call was started by a worker that stopped before replying; its outcome is unknown and it was not run again (check its effects before retrying)';

/** Decides how to answer `request` (see the module comment). */
export async function decide(redis: Redis, request: RpcRequest, workerId: string, replyTtlMs: number, nowNs: bigint): Promise<Decision> {
  const remainingMs = Number((request.deadline_ns - nowNs) / 1_000_000n);
  if (remainingMs <= 0) {
    // Past its deadline: a stored reply still wins, and a started call stays "unknown" (never a retryable timeout).
    const [done, started] = await redis.mget(doneKey(request.corr_id), startedKey(request.corr_id));
    if (done != null) return { kind: 'stored', reply: done };
    return started != null ? { kind: 'unknown' } : { kind: 'expired' };
  }
  const results = await redis
    .multi()
    .get(doneKey(request.corr_id))
    .set(startedKey(request.corr_id), workerId, 'PX', remainingMs + replyTtlMs, 'NX')
    .exec();
  if (!results) throw new Error('redis transaction aborted');
  const [[doneError, done], [setError, set]] = results as [[Error | null, string | null], [Error | null, string | null]];
  if (doneError) throw doneError;
  if (setError) throw setError;
  if (done != null) return { kind: 'stored', reply: done };
  return set === 'OK' ? { kind: 'run' } : { kind: 'unknown' };
}
