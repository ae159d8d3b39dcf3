/**
 * `MockCache`: `ctx.cache` over an in-memory TTL store on the platform clock.
 *
 * @module
 */
import { BaseCacheClient, type CacheSetOptions, type CacheValue } from '../../context/clients/cache.js';
import { CACHE_TTL, cacheKeyHash, type CacheModelRef, type CacheModels } from '../../context/clients/cache-models.js';
import { PlatformState } from '../engine/platform.js';
import type { MockScope } from './scope.js';

/** One `ctx.cache` call as `MockCache` saw it (`getOrFetch` also records the `get` and `set` it makes). */
export interface MockCacheCall {
  readonly op: 'get' | 'set' | 'delete' | 'getOrFetch';
  readonly key: string;
  /** The model name (not for `delete`, which clears every model). */
  readonly model?: string;
  /** `set`/`getOrFetch`: the TTL applied, in seconds. */
  readonly ttlSeconds?: number;
  /** `set`: the value given. */
  readonly value?: unknown;
  /** `get`/`getOrFetch`: whether a live entry was found. */
  readonly hit?: boolean;
  /** The acting user. */
  readonly userId: string;
}

/** In-memory `ctx.cache` with the real key, TTL, model and size rules; entries expire on the fake clock. */
export class MockCache extends BaseCacheClient {
  readonly #calls: MockCacheCall[];

  /** `calls`: where to record (shared by the contexts of one `MockContext`). */
  constructor(
    private readonly scope: MockScope,
    private readonly models: CacheModels,
    calls: MockCacheCall[] = [],
  ) {
    super();
    this.#calls = calls;
  }

  /** Every call made, in order. */
  get calls(): readonly MockCacheCall[] {
    return [...this.#calls];
  }

  override async getOrFetch<M extends CacheModelRef>(key: string, model: M, fetcher: () => Promise<CacheValue<M>>, options?: CacheSetOptions): Promise<CacheValue<M>> {
    const name = this.models.resolve(model).name;
    const entry = { op: 'getOrFetch' as const, key, model: name, ttlSeconds: options?.ttlSeconds ?? CACHE_TTL.default, userId: this.scope.userId };
    const at = this.#calls.push({ ...entry, hit: false }) - 1;
    const before = this.#calls.length;
    const value = await super.getOrFetch(key, model, fetcher, options);
    this.#calls[at] = { ...entry, hit: this.#calls.slice(before).every((c) => c.op !== 'set') };
    return value;
  }

  #key(model: string, key: string): string {
    return PlatformState.cacheKey(this.scope.extensionId, this.scope.userId, model, cacheKeyHash(key));
  }

  async get<M extends CacheModelRef>(key: string, model: M): Promise<CacheValue<M> | null> {
    const name = this.models.resolve(model).name;
    const stored = this.scope.platform.cache.get(this.#key(name, key));
    this.#calls.push({ op: 'get', key, model: name, hit: stored !== undefined, userId: this.scope.userId });
    return stored === undefined ? null : this.models.decode<CacheValue<M>>(model, JSON.parse(stored));
  }

  async set<M extends CacheModelRef>(key: string, model: M, value: CacheValue<M>, options?: CacheSetOptions): Promise<void> {
    cacheKeyHash(key);
    const ttl = options?.ttlSeconds ?? CACHE_TTL.default;
    const { name, body } = await this.models.encode(model, value, ttl, new Date(this.scope.platform.clock.now()));
    this.#calls.push({ op: 'set', key, model: name, ttlSeconds: ttl, value, userId: this.scope.userId });
    this.scope.platform.cache.set(this.#key(name, key), JSON.stringify((JSON.parse(body) as { envelope: unknown }).envelope), ttl);
  }

  async delete(key: string): Promise<void> {
    this.#calls.push({ op: 'delete', key, userId: this.scope.userId });
    for (const name of this.models.names()) this.scope.platform.cache.delete(this.#key(name, key));
  }
}
