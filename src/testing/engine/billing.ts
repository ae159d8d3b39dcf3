/**
 * A per-user billing ledger (`MockBilling` and the local gateway's billing routes).
 *
 * @module
 */

/** One user's account. */
export interface Account {
  plan: string;
  balance: number;
  cap: number;
  status: string;
  limits: Record<string, number>;
  usage: Record<string, number>;
}

/** Defaults of a new account. */
export interface LedgerDefaults {
  readonly plan?: string;
  readonly balance?: number;
  readonly cap?: number;
  readonly limits?: Record<string, number>;
}

/** Accounts by user id, created on first use. */
export class BillingLedger {
  readonly #accounts = new Map<string, Account>();

  constructor(private readonly defaults: LedgerDefaults = {}) {}

  /** The user's account (mutable, for seeding in tests). */
  account(userId: string): Account {
    let a = this.#accounts.get(userId);
    if (!a) {
      a = {
        plan: this.defaults.plan ?? 'pro',
        balance: this.defaults.balance ?? 50_000,
        cap: this.defaults.cap ?? 250_000,
        status: 'active',
        limits: { ...this.defaults.limits },
        usage: {},
      };
      this.#accounts.set(userId, a);
    }
    return a;
  }

  /** Meters whose usage reached their limit. */
  exceeded(userId: string): string[] {
    const a = this.account(userId);
    return Object.entries(a.limits)
      .filter(([m, limit]) => (a.usage[m] ?? 0) >= limit)
      .map(([m]) => m);
  }

  /** Records usage; the `tokens` meter also draws down the balance. */
  track(userId: string, meter: string, quantity: number): void {
    const a = this.account(userId);
    a.usage[meter] = (a.usage[meter] ?? 0) + quantity;
    if (meter === 'tokens') a.balance = Math.max(0, a.balance - quantity);
  }
}
