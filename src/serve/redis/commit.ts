/**
 * The one atomic step that finishes a stream entry: push the reply (with its
 * expiry), store a cacheable reply, dead-letter when asked, and `XACK` — all or
 * nothing, and only while the entry is still this worker's.
 *
 * Why a script and not a bare `MULTI`/`EXEC`: Redis runs a script as one
 * transaction exactly like `MULTI`/`EXEC`, but a transaction cannot make its
 * writes depend on a read. A worker that is alive but slow (a stalled event loop,
 * a late heartbeat) can have its entry reclaimed by another; without the
 * ownership check both would answer. With it, exactly one of them does: whoever
 * owns the entry in the group's pending list when it commits. (The test with two
 * worker processes found this.) After a Redis restart without persistence the
 * group or the entry may be gone; the reply is still pushed, as nobody else can
 * have answered it.
 *
 * @module
 */
import type { Redis } from 'ioredis';

const SCRIPT = `
local ok, pending = pcall(redis.call, 'XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
local grouped = 1
if ok then
  if #pending == 0 then
    -- Not pending: answered by another worker (then the entry is still in the stream),
    -- or Redis lost its data (restart without persistence): then nobody else can answer it.
    if #redis.call('XRANGE', KEYS[1], ARGV[3], ARGV[3]) > 0 then return 0 end
    grouped = 0
  elseif pending[1][2] ~= ARGV[2] then
    return 0
  end
else
  local msg = type(pending) == 'table' and pending.err or tostring(pending)
  if not string.find(msg, 'NOGROUP', 1, true) then return redis.error_reply(msg) end
  grouped = 0
end
if #ARGV > 7 then
  redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[7], '*', unpack(ARGV, 8))
end
if ARGV[4] ~= '' then
  redis.call('LPUSH', KEYS[2], ARGV[4])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
  if ARGV[6] == '1' then redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[5]) end
end
if grouped == 1 then redis.call('XACK', KEYS[1], ARGV[1], ARGV[3]) end
return 1 + (1 - grouped)
`;

/** What a commit did. */
export type CommitResult = 'committed' | 'committed-without-group' | 'not-owner';

/** One entry's finishing step. */
export interface CommitRequest {
  readonly stream: string;
  readonly group: string;
  readonly consumer: string;
  readonly id: string;
  /** Where the reply goes; no reply is pushed without it. */
  readonly replyList?: string;
  readonly reply?: string;
  readonly replyTtlMs: number;
  /** Store the reply under this key (cacheable replies). */
  readonly doneKey?: string;
  /** Dead-letter: the stream, its approximate cap and the fields to add. */
  readonly dead?: { readonly stream: string; readonly maxLen: number; readonly fields: readonly string[] };
}

type WithCommit = Redis & { imperalCommit(...args: (string | number)[]): Promise<number> };

/** Runs the commit script (loaded once per client; ioredis re-sends it after a Redis restart). */
export async function commitEntry(redis: Redis, c: CommitRequest): Promise<CommitResult> {
  const client = redis as WithCommit;
  if (typeof client.imperalCommit !== 'function') redis.defineCommand('imperalCommit', { numberOfKeys: 4, lua: SCRIPT });
  const push = c.replyList !== undefined && c.reply !== undefined;
  const out = await client.imperalCommit(
    c.stream,
    push ? c.replyList! : '',
    c.doneKey ?? '',
    c.dead?.stream ?? '',
    c.group,
    c.consumer,
    c.id,
    push ? c.reply! : '',
    c.replyTtlMs,
    push && c.doneKey ? '1' : '0',
    c.dead?.maxLen ?? 0,
    ...(c.dead?.fields ?? []),
  );
  return out === 1 ? 'committed' : out === 2 ? 'committed-without-group' : 'not-owner';
}
