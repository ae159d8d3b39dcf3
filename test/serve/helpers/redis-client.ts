/**
 * The platform's side of the Redis RPC in tests: `XADD {payload}` to the stream,
 * then `BRPOP` the reply list — exactly as the platform writes and waits.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { decodeReply, encodeRequest, type RpcReply } from '../../../src/rpc/envelope.js';
import { nowNs } from '../../../src/rpc/replies.js';

/** An envelope v1 object (ns fields as bigints). */
export type Envelope = Record<string, unknown> & { corr_id: string; reply_list: string };

/** A platform-side client for one stream. */
export class PlatformClient {
  readonly redis: Redis;
  readonly #waiters: Redis[] = [];
  readonly stream: string;
  readonly appId: string;

  constructor(url: string, stream: string, appId: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: null });
    // Reconnects are expected (the restart test); errors surface through the commands.
    this.redis.on('error', () => undefined);
    this.stream = stream;
    this.appId = appId;
  }

  /** An envelope for `fn` with a fresh corr_id and reply list. */
  envelope(fn: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Envelope {
    const corr = randomBytes(12).toString('hex');
    return {
      v: 1,
      corr_id: corr,
      user_id: 'imp_u_alice',
      tenant_id: 'tenant-a',
      agency_id: null,
      email: 'alice@example.com',
      role: 'admin',
      scopes: ['wire-kinds:read'],
      attributes: { plan: 'pro' },
      app_id: this.appId,
      function: fn,
      params,
      reply_list: `imperal:rpc:reply:${corr}`,
      deadline_ns: nowNs() + 20_000_000_000n,
      submitted_at_ns: nowNs(),
      ...extra,
    } as Envelope;
  }

  /** XADDs the envelope (as the platform does) and returns the entry id. */
  async send(envelope: Envelope): Promise<string> {
    return (await this.redis.xadd(this.stream, '*', 'payload', encodeRequest(envelope as Parameters<typeof encodeRequest>[0]))) as string;
  }

  /** XADDs raw fields. */
  async sendRaw(...fields: string[]): Promise<string> {
    return (await this.redis.xadd(this.stream, '*', ...fields)) as string;
  }

  /** Waits up to `seconds` for the next reply on `list` (raw JSON), or null. */
  async waitRaw(list: string, seconds = 10): Promise<string | null> {
    const conn = this.#waiters.pop() ?? this.redis.duplicate().on('error', () => undefined);
    try {
      const res = await conn.brpop(list, seconds);
      return res ? res[1] : null;
    } finally {
      this.#waiters.push(conn);
    }
  }

  /** Sends `envelope` and waits for its decoded reply. */
  async call(envelope: Envelope, seconds = 10): Promise<RpcReply> {
    await this.send(envelope);
    const raw = await this.waitRaw(envelope.reply_list, seconds);
    if (raw === null) throw new Error(`no reply for ${String(envelope.function)} within ${seconds} s`);
    return decodeReply(raw).value;
  }

  async close(): Promise<void> {
    for (const c of [this.redis, ...this.#waiters]) c.disconnect();
  }
}
