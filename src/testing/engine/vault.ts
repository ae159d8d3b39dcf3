/**
 * In-memory secret values per extension + acting user (`MockSecrets` and the
 * local gateway's `/v1/secrets` routes).
 *
 * @module
 */

interface Entry {
  value: string;
  lastAccessedAt: number | null;
}

/** Secret values; reads stamp `lastAccessedAt` (epoch seconds). */
export class SecretVault {
  readonly #values = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  #key(extId: string, user: string, name: string): string {
    return `${extId}\u0000${user}\u0000${name}`;
  }

  read(extId: string, user: string, name: string): string | undefined {
    const e = this.#values.get(this.#key(extId, user, name));
    if (e) e.lastAccessedAt = Math.floor(this.now() / 1000);
    return e?.value;
  }

  write(extId: string, user: string, name: string, value: string): void {
    this.#values.set(this.#key(extId, user, name), { value, lastAccessedAt: null });
  }

  /** Whether a value was set before. */
  remove(extId: string, user: string, name: string): boolean {
    return this.#values.delete(this.#key(extId, user, name));
  }

  has(extId: string, user: string, name: string): boolean {
    return this.#values.has(this.#key(extId, user, name));
  }

  lastAccessed(extId: string, user: string, name: string): number | null {
    return this.#values.get(this.#key(extId, user, name))?.lastAccessedAt ?? null;
  }
}
