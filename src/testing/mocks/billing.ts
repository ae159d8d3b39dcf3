/**
 * `MockBilling`: `ctx.billing` over an in-memory ledger.
 *
 * @module
 */
import { checkUsage, makeLimits, type BalanceInfo, type BillingClient, type LimitsResult, type SubscriptionInfo } from '../../context/clients/billing.js';
import type { Account } from '../engine/billing.js';
import type { MockScope } from './scope.js';

/** In-memory `ctx.billing` (default account: plan `pro`, balance 50 000, cap 250 000). */
export class MockBilling implements BillingClient {
  constructor(private readonly scope: MockScope) {}

  /** The acting user's account; mutate it to set up a test (plan, balance, limits). */
  get account(): Account {
    return this.scope.platform.billing.account(this.scope.userId);
  }

  async checkLimits(): Promise<LimitsResult> {
    const a = this.account;
    return makeLimits(a.plan, { ...a.usage }, { ...a.limits }, this.scope.platform.billing.exceeded(this.scope.userId));
  }

  async getSubscription(): Promise<SubscriptionInfo> {
    return Object.freeze({ plan: this.account.plan, status: this.account.status, startedAt: null, expiresAt: null });
  }

  async getBalance(): Promise<BalanceInfo> {
    const a = this.account;
    return Object.freeze({ balance: a.balance, plan: a.plan, cap: a.cap });
  }

  async trackUsage(meter: string, quantity = 1): Promise<boolean> {
    checkUsage(meter, quantity);
    this.scope.platform.billing.track(this.scope.userId, meter, quantity);
    return true;
  }
}
