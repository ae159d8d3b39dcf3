/**
 * `ctx.billing`: plan limits, subscription, balance and usage metering for the
 * acting user (the platform's internal billing routes).
 *
 * @module
 */
import { seg, type CallOptions, type WriteOptions } from '../../http/gateway.js';
import { requireIntIn, requireName } from './checks.js';
import type { ClientScope } from './scope.js';

/** Upstream billing timeout. */
const BILLING_TIMEOUT_MS = 10_000;

/** Plan limits and what is over them. */
export interface LimitsResult {
  readonly plan: string;
  readonly usage: Readonly<Record<string, unknown>>;
  readonly limits: Readonly<Record<string, unknown>>;
  readonly exceeded: readonly string[];
  /** Whether `meter` is over its limit. */
  isExceeded(meter: string): boolean;
  /** Whether any meter is over its limit. */
  readonly anyExceeded: boolean;
}

/** The user's subscription. */
export interface SubscriptionInfo {
  readonly plan: string;
  readonly status: string;
  readonly startedAt: string | null;
  readonly expiresAt: string | null;
}

/** The user's token wallet (`balance_info.schema.json`). */
export interface BalanceInfo {
  readonly balance: number;
  readonly plan: string;
  readonly cap: number;
}

/** The `ctx.billing` interface, implemented by the gateway client and `MockBilling`. */
export interface BillingClient {
  checkLimits(options?: CallOptions): Promise<LimitsResult>;
  getSubscription(options?: CallOptions): Promise<SubscriptionInfo>;
  getBalance(options?: CallOptions): Promise<BalanceInfo>;
  /** Records `quantity` units of `meter`; `true` when the platform accepted it. */
  trackUsage(meter: string, quantity?: number, options?: WriteOptions): Promise<boolean>;
}

/** Builds a {@link LimitsResult} from its parts. */
export function makeLimits(plan: string, usage: Record<string, unknown>, limits: Record<string, unknown>, exceeded: readonly string[]): LimitsResult {
  const list = Object.freeze([...exceeded]);
  return Object.freeze({
    plan,
    usage,
    limits,
    exceeded: list,
    isExceeded: (meter: string) => list.includes(meter),
    anyExceeded: list.length > 0,
  });
}

/** Checks `trackUsage` arguments (shared with the mock). */
export function checkUsage(meter: string, quantity: number): void {
  requireName('meter', meter, 'tokens');
  requireIntIn('quantity', quantity, 1, Number.MAX_SAFE_INTEGER);
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const text = (v: unknown, d: string): string => (typeof v === 'string' ? v : d);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** `ctx.billing` over `/v1/billing/internal/*` with the service token and `X-Acting-User`. */
export class GatewayBillingClient implements BillingClient {
  constructor(private readonly scope: ClientScope) {}

  async checkLimits(options?: CallOptions): Promise<LimitsResult> {
    const b = await this.#get('billing.checkLimits', 'user-limits', options);
    return makeLimits(text(b.plan, 'free'), obj(b.usage), obj(b.limits), Array.isArray(b.exceeded) ? b.exceeded.map(String) : []);
  }

  async getSubscription(options?: CallOptions): Promise<SubscriptionInfo> {
    const b = await this.#get('billing.getSubscription', 'subscription', options);
    return Object.freeze({
      plan: text(b.plan, 'free'),
      status: text(b.status, 'unknown'),
      startedAt: typeof b.started_at === 'string' ? b.started_at : null,
      expiresAt: typeof b.expires_at === 'string' ? b.expires_at : null,
    });
  }

  async getBalance(options?: CallOptions): Promise<BalanceInfo> {
    const b = await this.#get('billing.getBalance', 'balance', options);
    return Object.freeze({ balance: num(b.balance), plan: text(b.plan, ''), cap: num(b.cap) });
  }

  async trackUsage(meter: string, quantity = 1, options?: WriteOptions): Promise<boolean> {
    checkUsage(meter, quantity);
    const s = this.scope;
    const reply = await s.http.call({
      what: 'billing.trackUsage',
      method: 'POST',
      path: '/v1/billing/internal/usage/track',
      headers: this.#headers(),
      // 5.11 form, byte for byte: the platform's billing client knows no tenant and
      // always sends "default"; the ledger keys usage by user (oracle/wire.v5.json).
      json: { meter, quantity, user_id: s.userId, tenant_id: 'default' },
      timeoutMs: BILLING_TIMEOUT_MS,
      options,
    });
    return reply.status === 200;
  }

  async #get(what: string, route: string, options?: CallOptions): Promise<Record<string, unknown>> {
    const reply = await this.scope.http.call({
      what,
      method: 'GET',
      path: `/v1/billing/internal/${route}/${seg(this.scope.userId, 'userId')}`,
      headers: this.#headers(),
      timeoutMs: BILLING_TIMEOUT_MS,
      options,
    });
    return reply.object();
  }

  #headers(): Record<string, string> {
    return { ...this.scope.service(), 'x-acting-user': this.scope.userId };
  }
}
