/**
 * `MockCache`: `ctx.cache` over an in-memory TTL store on the platform clock.
 *
 * @module
 */
import { BaseCacheClient, type CacheSetOptions, type CacheValue } from '../../context/clients/cache.js';
import { CACHE_TTL, cacheKeyHash, type CacheModelRef, type CacheModels } from '../../context/clients/cache-models.js';
import { PlatformState } from '../engine/platform.js';
import type { MockScope } from './scope.js';

/** In-memory `ctx.cache` with the real key, TTL, model and size rules; entries expire on the fake clock. */
export class MockCache extends BaseCacheClient {
  constructor(
    private readonly scope: MockScope,
    private readonly models: CacheModels,
  ) {
    super();
  }

  #key(model: string, key: string): string {
    return PlatformState.cacheKey(this.scope.extensionId, this.scope.userId, model, cacheKeyHash(key));
  }

  async get<M extends CacheModelRef>(key: string, model: M): Promise<CacheValue<M> | null> {
    const stored = this.scope.platform.cache.get(this.#key(this.models.resolve(model).name, key));
    return stored === undefined ? null : this.models.decode<CacheValue<M>>(model, JSON.parse(stored));
  }

  async set<M extends CacheModelRef>(key: string, model: M, value: CacheValue<M>, options?: CacheSetOptions): Promise<void> {
    cacheKeyHash(key);
    const ttl = options?.ttlSeconds ?? CACHE_TTL.default;
    const { name, body } = await this.models.encode(model, value, ttl, new Date(this.scope.platform.clock.now()));
    this.scope.platform.cache.set(this.#key(name, key), JSON.stringify((JSON.parse(body) as { envelope: unknown }).envelope), ttl);
  }

  async delete(key: string): Promise<void> {
    for (const name of this.models.names()) this.scope.platform.cache.delete(this.#key(name, key));
  }
}
