/**
 * The Redis Streams transport: the platform `XADD`s `{payload: <envelope JSON>}`
 * to the stream; hosts in one consumer group share it (Redis hands each entry to
 * one of them); the reply is `LPUSH`ed to the request's `reply_list`.
 *
 * Crash safety (see docs/serve.md, "Delivery guarantees"):
 * - the group starts at id 0 (calls queued before any worker started are served);
 * - a `started` marker is set before a call runs (redis/records.ts);
 * - while a call runs its entry is kept fresh with `XCLAIM … JUSTID`, so only a
 *   dead worker's entries go idle, and live workers `XAUTOCLAIM` those;
 * - the reply, its stored copy (cacheable replies only) and the `XACK` go in one
 *   atomic step (a Lua script: one transaction like `MULTI`/`EXEC`, plus a check
 *   that the entry is still this worker's — redis/commit.ts): a call is never
 *   acknowledged unanswered, nor answered by two workers;
 * - undecodable entries are answered `schema_violation` (when a `reply_list` can
 *   be read) and acknowledged; entries delivered more than `--max-deliveries`
 *   times move to `<stream>:dead` with an `infrastructure` reply.
 *
 * @module
 */
import type { Redis } from 'ioredis';
import { decodeRequest, encodeReply, type RpcRequest } from '../../rpc/envelope.js';
import { buildErrorReply, nowNs, shouldCacheReply } from '../../rpc/replies.js';
import type { HostLogger } from '../logger.js';
import type { HostMetrics } from '../metrics.js';
import { redactUrl, type ResolvedServeOptions } from '../options.js';
import { closeRedis, openRedis, reconnectDelay } from '../redis/connection.js';
import { entryField, errorReplyJson, looseAddress } from '../redis/entry.js';
import { commitEntry } from '../redis/commit.js';
import { DEAD_STREAM_MAXLEN, deadStream, doneKey } from '../redis/keys.js';
import { decide, OUTCOME_UNKNOWN } from '../redis/records.js';
import type { HostCore, Transport } from '../types.js';

/** Options of {@link RedisTransport}. */
export interface RedisTransportOptions
  extends Pick<ResolvedServeOptions, 'stream' | 'group' | 'consumer' | 'concurrency' | 'replyTtlMs' | 'claimIdleMs' | 'maxDeliveries'> {
  readonly url: string;
  /** `XREADGROUP … BLOCK` time, ms (default 2000). */
  readonly blockMs?: number;
  /** How long {@link RedisTransport.start} waits for Redis, ms (default 30000). */
  readonly connectTimeoutMs?: number;
  readonly logger?: HostLogger;
  /** Redeliveries, dead letters, replies from the done-cache. */
  readonly metrics?: Pick<HostMetrics, 'redelivered' | 'deadLettered' | 'servedFromDoneCache'>;
}

type StreamEntry = [id: string, fields: string[] | null];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The Redis Streams transport. */
export class RedisTransport implements Transport {
  readonly name = 'redis' as const;
  readonly #core: HostCore;
  readonly #o: RedisTransportOptions;
  readonly #log: HostLogger | undefined;
  /** Blocking reads only (a blocked connection cannot serve anything else). */
  readonly #reader: Redis;
  /** Everything else: markers, replies, heartbeats, reclaims. */
  readonly #cmd: Redis;
  /** Entry ids being handled here (heartbeat set, capacity count). */
  readonly #active = new Set<string>();
  readonly #handling = new Set<Promise<void>>();
  #accepting = false;
  #groupReady = false;
  #readLoop: Promise<void> | undefined;
  #reclaimLoop: Promise<void> | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #wakeReader: (() => void) | undefined;
  #readerId: number | undefined;
  #claimCursor = '0-0';

  constructor(core: HostCore, options: RedisTransportOptions) {
    this.#core = core;
    this.#o = options;
    this.#log = options.logger;
    this.#reader = openRedis({ url: options.url, name: `${options.consumer}:read`, logger: options.logger });
    this.#cmd = openRedis({ url: options.url, name: `${options.consumer}:cmd`, logger: options.logger, autoPipelining: true });
    // After a Redis restart the stream and group may be gone: recreate them before reading again.
    this.#cmd.on('close', () => {
      this.#groupReady = false;
    });
    this.#cmd.on('ready', () => void this.#ensureGroup().catch((e: unknown) => this.#log?.warn({ err: message(e) }, 'could not create the consumer group')));
    this.#reader.on('ready', () => {
      void this.#reader.client('ID').then((id) => (this.#readerId = Number(id)), () => undefined);
    });
  }

  /** Connects, creates the group (id 0, MKSTREAM) and starts consuming. */
  async start(): Promise<void> {
    const timeoutMs = this.#o.connectTimeoutMs ?? 30_000;
    const connect = Promise.all([this.#cmd.connect(), this.#reader.connect()]);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`cannot reach Redis at ${redactUrl(this.#o.url)} within ${timeoutMs} ms (check --redis / IMPERAL_REDIS_URL)`)), timeoutMs);
    });
    try {
      await Promise.race([connect, timeout]);
      await Promise.race([this.#ensureGroup(), timeout]);
    } catch (error) {
      this.#cmd.disconnect();
      this.#reader.disconnect();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    this.#accepting = true;
    this.#heartbeat = setInterval(() => void this.#beat(), Math.max(10, Math.floor(this.#o.claimIdleMs / 3)));
    this.#readLoop = this.#consume();
    this.#reclaimLoop = this.#reclaim();
  }

  /** Stops reading new entries; entries already taken still finish (their heartbeat keeps running). */
  async stopAccepting(): Promise<void> {
    if (!this.#accepting) return;
    this.#accepting = false;
    this.#wakeReader?.();
    // A blocked XREADGROUP returns at once on CLIENT UNBLOCK (else within --block-ms).
    if (this.#readerId !== undefined) await this.#cmd.client('UNBLOCK', this.#readerId).catch(() => undefined);
    await Promise.all([this.#readLoop, this.#reclaimLoop]);
    await Promise.all([...this.#handling]);
  }

  /** Stops the heartbeat and closes both connections. Entries still pending stay in the group for reclaim. */
  async close(): Promise<void> {
    this.#accepting = false;
    clearInterval(this.#heartbeat);
    this.#wakeReader?.();
    await Promise.all([closeRedis(this.#reader), closeRedis(this.#cmd)]);
  }

  /** Connected, group present, accepting. */
  isReady(): boolean {
    return this.#accepting && this.#groupReady && this.#cmd.status === 'ready' && this.#reader.status === 'ready';
  }

  describe(): string {
    return `redis ${redactUrl(this.#o.url)} stream=${this.#o.stream} group=${this.#o.group} consumer=${this.#o.consumer}`;
  }

  /** The command connection (shared by helpers such as the call-token replay guard). */
  get client(): Redis {
    return this.#cmd;
  }

  /** Entries being handled right now. */
  get active(): number {
    return this.#active.size;
  }

  async #ensureGroup(): Promise<void> {
    try {
      await this.#cmd.xgroup('CREATE', this.#o.stream, this.#o.group, '0', 'MKSTREAM');
      this.#log?.info({ stream: this.#o.stream, group: this.#o.group }, 'consumer group created at id 0');
    } catch (error) {
      if (!message(error).startsWith('BUSYGROUP')) throw error;
    }
    this.#groupReady = true;
  }

  #free(): number {
    return this.#o.concurrency - this.#active.size;
  }

  /** Waits until a slot frees up, or the transport stops. */
  #waitForSlot(): Promise<void> {
    return new Promise((resolve) => {
      this.#wakeReader = () => {
        this.#wakeReader = undefined;
        resolve();
      };
    });
  }

  async #consume(): Promise<void> {
    let failures = 0;
    while (this.#accepting) {
      const free = this.#free();
      if (free <= 0) {
        await this.#waitForSlot();
        continue;
      }
      try {
        const res = (await this.#reader.xreadgroup(
          'GROUP', this.#o.group, this.#o.consumer, 'COUNT', free, 'BLOCK', this.#o.blockMs ?? 2000, 'STREAMS', this.#o.stream, '>',
        )) as [string, StreamEntry[]][] | null;
        failures = 0;
        for (const [, entries] of res ?? []) for (const [id, fields] of entries) this.#take(id, fields, 1);
      } catch (error) {
        if (!this.#accepting) break;
        failures++;
        if (message(error).startsWith('NOGROUP')) await this.#ensureGroup().catch(() => undefined);
        else if (failures === 1) this.#log?.warn({ err: message(error) }, 'reading the stream failed; retrying');
        await sleep(reconnectDelay(failures));
      }
    }
  }

  /** Periodically takes over entries other (dead) workers left idle longer than --claim-idle-ms. */
  async #reclaim(): Promise<void> {
    const interval = Math.max(25, Math.floor(this.#o.claimIdleMs / 2));
    while (this.#accepting) {
      await sleep(interval * (0.75 + Math.random() * 0.5));
      if (!this.#accepting || !this.isReady()) continue;
      const free = this.#free();
      if (free <= 0) continue;
      try {
        await this.#claimBatch(free);
      } catch (error) {
        if (this.#accepting) this.#log?.warn({ err: message(error) }, 'reclaiming idle entries failed; will retry');
      }
    }
  }

  async #claimBatch(count: number): Promise<void> {
    const res = (await this.#cmd.xautoclaim(this.#o.stream, this.#o.group, this.#o.consumer, this.#o.claimIdleMs, this.#claimCursor, 'COUNT', count)) as [string, StreamEntry[], string[]?];
    this.#claimCursor = res[0];
    const entries = res[1].filter(([id]) => !this.#active.has(id));
    if (entries.length === 0) return;
    // XAUTOCLAIM does not say how often an entry was delivered; XPENDING does (already counting this claim).
    const pipe = this.#cmd.pipeline();
    for (const [id] of entries) pipe.xpending(this.#o.stream, this.#o.group, id, id, 1);
    const counts = (await pipe.exec()) ?? [];
    entries.forEach(([id, fields], i) => {
      const row = (counts[i]?.[1] as [string, string, number, number][] | undefined)?.[0];
      const deliveries = row ? Number(row[3]) : this.#o.maxDeliveries + 1;
      this.#o.metrics?.redelivered();
      this.#log?.info({ entry: id, deliveries }, 'reclaimed an idle entry');
      this.#take(id, fields, deliveries);
    });
  }

  /** Heartbeat: resets the idle time of every entry this worker is handling (JUSTID: no delivery counted). */
  async #beat(): Promise<void> {
    if (this.#active.size === 0 || this.#cmd.status !== 'ready') return;
    try {
      await this.#cmd.xclaim(this.#o.stream, this.#o.group, this.#o.consumer, 0, ...this.#active, 'JUSTID');
    } catch (error) {
      this.#log?.debug({ err: message(error) }, 'heartbeat failed');
    }
  }

  #take(id: string, fields: string[] | null, deliveries: number): void {
    this.#active.add(id);
    const job = this.#handle(id, fields, deliveries)
      .then(() => undefined)
      .catch((error: unknown) => this.#log?.error({ entry: id, err: message(error) }, 'entry left pending for reclaim'))
      .finally(() => {
        this.#active.delete(id);
        this.#handling.delete(job);
        this.#wakeReader?.();
      });
    this.#handling.add(job);
  }

  async #handle(id: string, fields: string[] | null, deliveries: number): Promise<unknown> {
    const payload = entryField(fields, 'payload');
    let request: RpcRequest;
    try {
      if (payload === undefined) throw new Error(fields ? "the entry has no 'payload' field" : 'the entry was deleted from the stream');
      request = decodeRequest(payload).value;
    } catch (error) {
      return deliveries > this.#o.maxDeliveries ? this.#deadLetter(id, payload, deliveries) : this.#poison(id, payload, error);
    }
    if (deliveries > this.#o.maxDeliveries) {
      const stored = await this.#cmd.get(doneKey(request.corr_id));
      return stored != null ? this.#serveStored(id, request, stored) : this.#deadLetter(id, payload, deliveries);
    }
    const decision = await decide(this.#cmd, request, this.#core.workerId, this.#o.replyTtlMs, nowNs());
    if (decision.kind === 'stored') return this.#serveStored(id, request, decision.reply);
    if (decision.kind === 'unknown') {
      this.#log?.warn({ entry: id, corr_id: request.corr_id }, 'call already started by another worker: answering outcome unknown');
      return this.#commit(id, request.reply_list, errorReplyJson(request.corr_id, 'infrastructure', OUTCOME_UNKNOWN, this.#core.workerId));
    }
    if (decision.kind === 'expired') {
      const reply = buildErrorReply({ corrId: request.corr_id, category: 'timeout', message: 'deadline passed before the call started', retryable: true, workerId: this.#core.workerId, startedAtNs: nowNs() });
      return this.#commit(id, request.reply_list, encodeReply(reply));
    }
    const call = await this.#core.run(request, 'redis');
    try {
      let encoded: string;
      try {
        encoded = encodeReply(call.reply);
      } catch (error) {
        // The handler ran: answer (not retryable), never leave the caller waiting.
        this.#log?.error({ entry: id, corr_id: request.corr_id, err: message(error) }, 'the reply could not be encoded');
        encoded = errorReplyJson(request.corr_id, 'infrastructure', `the reply could not be encoded: ${message(error)}`, this.#core.workerId);
        call.abandoned();
        return await this.#commit(id, request.reply_list, encoded);
      }
      const delivered = await this.#commit(id, request.reply_list, encoded, shouldCacheReply(call.reply) ? request.corr_id : undefined);
      if (delivered) call.replied();
      else call.abandoned();
    } catch (error) {
      call.abandoned();
      throw error;
    }
  }

  /** Answers a repeated call with its stored reply (the handler does not run again). */
  #serveStored(id: string, request: RpcRequest, reply: string): Promise<boolean> {
    this.#o.metrics?.servedFromDoneCache();
    this.#log?.info({ entry: id, corr_id: request.corr_id }, 'answered from the stored reply');
    return this.#commit(id, request.reply_list, reply);
  }

  /** An entry that cannot be decoded: answered when possible, acknowledged, logged; never retried. */
  async #poison(id: string, payload: string | undefined, error: unknown): Promise<boolean> {
    const { replyList, corrId } = looseAddress(payload);
    this.#log?.warn({ entry: id, corr_id: corrId, reply_list: replyList, err: message(error) }, 'undecodable entry acknowledged');
    const reply = replyList ? errorReplyJson(corrId, 'schema_violation', `invalid RPC envelope: ${message(error)}`, this.#core.workerId) : undefined;
    return this.#commit(id, replyList, reply);
  }

  /** Moves an entry delivered too often to `<stream>:dead`, answering `infrastructure` when possible. */
  async #deadLetter(id: string, payload: string | undefined, deliveries: number): Promise<boolean> {
    const { replyList, corrId } = looseAddress(payload);
    this.#o.metrics?.deadLettered();
    this.#log?.error({ entry: id, corr_id: corrId, deliveries }, `entry delivered ${deliveries} times: moved to ${deadStream(this.#o.stream)}`);
    const reply = replyList
      ? errorReplyJson(corrId, 'infrastructure', `the call was delivered ${deliveries} times without completing (limit ${this.#o.maxDeliveries}); moved to the dead-letter stream`, this.#core.workerId)
      : undefined;
    return this.#commit(id, replyList, reply, undefined, [
      'payload', payload ?? '', 'source_id', id, 'deliveries', String(deliveries), 'consumer', this.#o.consumer, 'dead_at_ms', String(Date.now()),
    ]);
  }

  /**
   * Finishes an entry in one atomic step (redis/commit.ts): reply with expiry, stored copy
   * of a cacheable reply, dead letter, `XACK` — only while the entry is still ours.
   * @returns false when another worker had taken the entry over (its answer counts, not ours).
   */
  async #commit(id: string, replyList: string | undefined, reply: string | undefined, cacheCorrId?: string, dead?: string[]): Promise<boolean> {
    const result = await commitEntry(this.#cmd, {
      stream: this.#o.stream,
      group: this.#o.group,
      consumer: this.#o.consumer,
      id,
      ...(replyList !== undefined && reply !== undefined ? { replyList, reply } : {}),
      replyTtlMs: this.#o.replyTtlMs,
      ...(cacheCorrId !== undefined ? { doneKey: doneKey(cacheCorrId) } : {}),
      ...(dead ? { dead: { stream: deadStream(this.#o.stream), maxLen: DEAD_STREAM_MAXLEN, fields: dead } } : {}),
    });
    if (result === 'not-owner') this.#log?.warn({ entry: id }, 'entry was taken over by another worker while this one handled it: its answer stands, ours is dropped');
    return result !== 'not-owner';
  }
}
