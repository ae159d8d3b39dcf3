/**
 * The whole simulated platform in memory: one object both `MockContext` and
 * the local gateway read and write, so a test can seed data once and observe
 * every side effect.
 *
 * @module
 */
import type { Clock } from '../clock.js';
import { FakeClock } from '../clock.js';
import { AIResponder } from './ai.js';
import { BillingLedger, type LedgerDefaults } from './billing.js';
import { ExtensionBus } from './bus.js';
import { FileEngine } from './files.js';
import { StoreEngine } from './store-engine.js';
import { TtlStore } from './ttl-store.js';
import { SecretVault } from './vault.js';

/** A notification as sent (the wire body: `user_id, message, extension_id, …options`). */
export type SentNotification = Readonly<Record<string, unknown>> & { readonly message: string; readonly user_id: string };

/** A chat message as injected (`ext_id, user_id, text, msg_type, refresh_panels?`). */
export type InjectedChatMessage = Readonly<Record<string, unknown>> & { readonly text: string; readonly msg_type: string };

/** Options of a {@link PlatformState}. */
export interface PlatformStateOptions {
  /** Defaults to a {@link FakeClock} at 2026-01-01T00:00:00Z. */
  readonly clock?: Clock;
  readonly billing?: LedgerDefaults;
  /** Ids of new store documents (default: random 12-hex ids); e.g. `sequentialIds()` for deterministic tests. */
  readonly newId?: (() => string) | undefined;
}

/** Every in-memory engine of the simulated platform. */
export class PlatformState {
  readonly clock: Clock;
  readonly store: StoreEngine;
  /** Cache envelopes (JSON text) by `app/user/model/keyHash`. */
  readonly cache: TtlStore<string>;
  readonly files: FileEngine;
  readonly billing: BillingLedger;
  readonly vault: SecretVault;
  readonly bus: ExtensionBus;
  readonly ai: AIResponder;
  /** Skeleton sections by `app/user/section`. */
  readonly skeleton = new Map<string, unknown>();
  readonly notifications: SentNotification[] = [];
  readonly chat: InjectedChatMessage[] = [];

  constructor(options: PlatformStateOptions = {}) {
    this.clock = options.clock ?? new FakeClock();
    const now = (): number => this.clock.now();
    this.store = new StoreEngine(options.newId ? { now, newId: options.newId } : { now });
    this.cache = new TtlStore<string>(now);
    this.files = new FileEngine(now);
    this.billing = new BillingLedger(options.billing);
    this.vault = new SecretVault(now);
    this.bus = new ExtensionBus();
    this.ai = new AIResponder();
  }

  /** Key of a skeleton section. */
  static skeletonKey(appId: string, userId: string, section: string): string {
    return `${appId}/${userId}/${section}`;
  }

  /** Key of a cache entry. */
  static cacheKey(appId: string, userId: string, model: string, hash: string): string {
    return `${appId}/${userId}/${model}/${hash}`;
  }
}
