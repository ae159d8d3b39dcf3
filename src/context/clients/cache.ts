/**
 * `ctx.cache`: short-lived, per-user cache of values shaped by the extension's
 * registered cache models (`ext.cacheModel(name, schema)`).
 *
 * @module
 */
import { seg, type CallOptions } from '../../http/gateway.js';
import type { SchemaOutput, StandardSchemaLike } from '../extension-like.js';
import { CACHE_TTL, cacheKeyHash, type CacheModelRef, type CacheModels } from './cache-models.js';
import type { ClientScope } from './scope.js';

/** Upstream cache timeout. */
const CACHE_TIMEOUT_MS = 5_000;

/** Options of {@link CacheClient.set}. */
export interface CacheSetOptions extends CallOptions {
  /** Seconds to keep the value, 5–300 (default 60). */
  readonly ttlSeconds?: number;
}

/** The value type a model reference stands for. */
export type CacheValue<M> = M extends StandardSchemaLike ? SchemaOutput<M> : unknown;

/** The `ctx.cache` interface, implemented by the gateway client and `MockCache`. */
export interface CacheClient {
  /** The cached value, or `null` on a miss (absent, expired, or of another shape). */
  get<M extends CacheModelRef>(key: string, model: M, options?: CallOptions): Promise<CacheValue<M> | null>;
  /** Validates `value` against the model and stores it for `ttlSeconds`. */
  set<M extends CacheModelRef>(key: string, model: M, value: CacheValue<M>, options?: CacheSetOptions): Promise<void>;
  /** Removes the key under every registered model. */
  delete(key: string, options?: CallOptions): Promise<void>;
  /** The cached value, or the fetcher's result (which is then cached). */
  getOrFetch<M extends CacheModelRef>(key: string, model: M, fetcher: () => Promise<CacheValue<M>>, options?: CacheSetOptions): Promise<CacheValue<M>>;
}

/** `getOrFetch` on top of `get`/`set`, shared by every implementation. */
export abstract class BaseCacheClient implements CacheClient {
  abstract get<M extends CacheModelRef>(key: string, model: M, options?: CallOptions): Promise<CacheValue<M> | null>;
  abstract set<M extends CacheModelRef>(key: string, model: M, value: CacheValue<M>, options?: CacheSetOptions): Promise<void>;
  abstract delete(key: string, options?: CallOptions): Promise<void>;

  async getOrFetch<M extends CacheModelRef>(key: string, model: M, fetcher: () => Promise<CacheValue<M>>, options?: CacheSetOptions): Promise<CacheValue<M>> {
    const hit = await this.get(key, model, options);
    if (hit !== null) return hit;
    const value = await fetcher();
    await this.set(key, model, value, options);
    return value;
  }
}

/** `ctx.cache` over `/v1/internal/extcache/{app}/{user}/{model}/{keyHash}`. */
export class GatewayCacheClient extends BaseCacheClient {
  constructor(
    private readonly scope: ClientScope,
    private readonly models: CacheModels,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  async get<M extends CacheModelRef>(key: string, model: M, options?: CallOptions): Promise<CacheValue<M> | null> {
    const hash = cacheKeyHash(key);
    const { name } = this.models.resolve(model);
    const reply = await this.scope.http.call({
      what: 'cache.get',
      method: 'GET',
      path: this.#path(name, hash),
      headers: this.scope.callToken(),
      timeoutMs: CACHE_TIMEOUT_MS,
      accept: [404],
      options,
    });
    if (reply.status === 404) return null;
    return this.models.decode<CacheValue<M>>(model, reply.json());
  }

  async set<M extends CacheModelRef>(key: string, model: M, value: CacheValue<M>, options?: CacheSetOptions): Promise<void> {
    const hash = cacheKeyHash(key);
    const { name, body } = await this.models.encode(model, value, options?.ttlSeconds ?? CACHE_TTL.default, this.now());
    await this.scope.http.call({
      what: 'cache.set',
      method: 'PUT',
      path: this.#path(name, hash),
      headers: this.scope.callToken(),
      jsonText: body,
      timeoutMs: CACHE_TIMEOUT_MS,
      options,
    });
  }

  async delete(key: string, options?: CallOptions): Promise<void> {
    const hash = cacheKeyHash(key);
    for (const name of this.models.names()) {
      await this.scope.http.call({
        what: 'cache.delete',
        method: 'DELETE',
        path: this.#path(name, hash),
        headers: this.scope.callToken(),
        timeoutMs: CACHE_TIMEOUT_MS,
        accept: [404],
        options,
      });
    }
  }

  #path(model: string, hash: string): string {
    const s = this.scope;
    return `/v1/internal/extcache/${seg(s.extensionId, 'extensionId')}/${seg(s.userId, 'userId')}/${seg(model, 'model')}/${hash}`;
  }
}
