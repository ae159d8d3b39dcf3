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

/** One secret value in a vault snapshot. */
export interface VaultEntryState {
  readonly extId: string;
  readonly user: string;
  readonly name: string;
  readonly value: string;
  readonly lastAccessedAt: number | null;
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

  /** Every entry as plain JSON (what `imperal dev` persists; the values are the secrets themselves). */
  exportState(): VaultEntryState[] {
    return [...this.#values.entries()].map(([k, e]) => {
      const [extId = '', user = '', name = ''] = k.split('\u0000');
      return { extId, user, name, value: e.value, lastAccessedAt: e.lastAccessedAt };
    });
  }

  /** Replaces every entry with those of `entries`. */
  importState(entries: readonly VaultEntryState[]): void {
    this.#values.clear();
    for (const e of entries) this.#values.set(this.#key(e.extId, e.user, e.name), { value: e.value, lastAccessedAt: e.lastAccessedAt });
  }
}
