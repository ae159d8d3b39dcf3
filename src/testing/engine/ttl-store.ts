/**
 * Values that expire after a TTL measured on an injectable clock (the cache
 * behind `MockCache` and the local gateway's extcache routes).
 *
 * @module
 */

/** A map whose entries vanish `ttlSeconds` after they were set. */
export class TtlStore<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  set(key: string, value: V, ttlSeconds: number): void {
    this.#entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
  }

  /** The value, or `undefined` when absent or expired (expired entries are dropped). */
  get(key: string): V | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  delete(key: string): boolean {
    return this.get(key) !== undefined && this.#entries.delete(key);
  }

  /** Live entry count. */
  get size(): number {
    for (const k of [...this.#entries.keys()]) this.get(k);
    return this.#entries.size;
  }

  /** Live entries with their absolute expiry (epoch ms), for persisting. */
  exportState(): Array<{ key: string; value: V; expiresAt: number }> {
    const now = this.now();
    return [...this.#entries.entries()].filter(([, e]) => e.expiresAt > now).map(([key, e]) => ({ key, value: e.value, expiresAt: e.expiresAt }));
  }

  /** Replaces every entry; already expired ones are dropped. */
  importState(entries: ReadonlyArray<{ key: string; value: V; expiresAt: number }>): void {
    this.#entries.clear();
    const now = this.now();
    for (const e of entries) if (e.expiresAt > now) this.#entries.set(e.key, { value: e.value, expiresAt: e.expiresAt });
  }
}
