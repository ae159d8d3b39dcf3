/**
 * The local platform of `imperal dev`: the `LocalGateway` the real `ctx`
 * clients talk to, its state persisted under the data folder, and a live feed
 * (store writes, events, notifications, chat messages, secret changes) for the
 * playground.
 *
 * @module
 */
import type { ExtensionLike } from '../context/extension-like.js';
import type { EmittedEvent } from '../testing/engine/bus.js';
import { PlatformState } from '../testing/engine/platform.js';
import { LocalGateway, type RecordedRequest } from '../testing/gateway/server.js';
import type { GatewayResponse } from '../testing/gateway/router.js';
import { systemClock } from '../testing/clock.js';
import { DevHub } from './hub.js';
import { loadState, resetState, saveState } from './state.js';

/** Options of a {@link DevPlatform}. */
export interface DevPlatformOptions {
  /** Folder holding `state.json`. */
  readonly dataDir: string;
  /** Start empty (deletes the saved state). */
  readonly reset?: boolean;
  /** The extension serving now (its declared secrets are listed by the gateway). */
  readonly extension: () => ExtensionLike | undefined;
  /** Quiet period before state is written after a change (default 50 ms). */
  readonly saveDelayMs?: number;
  /** Called for each event published through the gateway (`ctx.extensions.emit`). */
  readonly onPublished?: (event: EmittedEvent) => void;
}

/** Longest gap between a change and its write to disk. */
export const DEFAULT_SAVE_DELAY_MS = 50;

/** Gateway + persisted state + live feed. */
export class DevPlatform {
  readonly platform = new PlatformState({ clock: systemClock });
  readonly hub = new DevHub();
  readonly gateway: LocalGateway;
  /** A random service token: only this process's contexts can use the gateway. */
  readonly serviceToken = `dev-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  config: Record<string, unknown> = {};
  readonly #opts: DevPlatformOptions;
  #saveTimer: NodeJS.Timeout | undefined;
  #eventCount = 0;

  constructor(options: DevPlatformOptions) {
    this.#opts = options;
    if (options.reset) resetState(options.dataDir);
    this.config = loadState(options.dataDir, this.platform);
    this.#eventCount = this.platform.bus.events.length;
    // A stand-in that always answers with the version serving now.
    const current: ExtensionLike = {
      get appId() {
        return options.extension()?.appId ?? '';
      },
      get registry() {
        return options.extension()?.registry ?? { secrets: new Map(), cacheModels: new Map() };
      },
    } as ExtensionLike;
    this.gateway = new LocalGateway({
      platform: this.platform,
      serviceToken: this.serviceToken,
      extensions: [current],
      onResponse: (req, res) => this.#observe(req, res),
    });
  }

  /** Starts the gateway; returns its URL. */
  start(): Promise<string> {
    return this.gateway.start();
  }

  /** Writes the state soon (coalescing bursts of changes). */
  changed(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.save(), this.#opts.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS);
  }

  /** Writes the state now. */
  save(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    try {
      saveState(this.#opts.dataDir, this.platform, this.config);
    } catch (error) {
      this.hub.publish('log', { level: 'error', message: `could not save dev state: ${(error as Error).message}`, logger: 'imperal.dev', fields: {}, time: new Date().toISOString() });
    }
  }

  /** Records an event as published (playground "emit", declared function events) and feeds it on. */
  publish(event: EmittedEvent): void {
    this.platform.bus.publish(event);
    this.#drainEvents();
  }

  /** Saves pending changes and stops the gateway. */
  async close(): Promise<void> {
    if (this.#saveTimer) this.save();
    this.hub.close();
    await this.gateway.stop();
  }

  #observe(req: RecordedRequest, res: GatewayResponse): void {
    if (res.status >= 400 || req.method === 'GET') return;
    const p = req.path;
    const body = (): Record<string, unknown> => {
      try {
        return JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    if (p === '/v1/internal/store' || (p.startsWith('/v1/internal/store/') && (req.method === 'PATCH' || req.method === 'DELETE'))) {
      const doc = (res.body ?? {}) as { id?: string; collection?: string; user_id?: string };
      const parts = p.split('/');
      this.hub.publish('store', {
        op: req.method === 'POST' ? 'create' : req.method === 'PATCH' ? 'update' : 'delete',
        collection: doc.collection ?? parts[4] ?? String(body().collection ?? ''),
        id: doc.id ?? parts[5] ?? '',
        user_id: doc.user_id ?? req.query.user_id ?? '',
      });
    } else if (p === '/v1/internal/notify') {
      this.hub.publish('notification', this.platform.notifications.at(-1));
    } else if (p === '/v1/internal/chat/inject') {
      this.hub.publish('chat', this.platform.chat.at(-1));
    } else if (p === '/v1/internal/events/publish') {
      this.#drainEvents();
    } else if (p.startsWith('/v1/secrets/')) {
      this.hub.publish('secrets', { name: p.split('/')[4] ?? '' });
    } else if (!p.startsWith('/v1/internal/extcache/') && !p.startsWith('/v1/internal/storage')) {
      return;
    }
    this.changed();
  }

  /** Streams events recorded since the last call, and hands each to `onPublished`. */
  #drainEvents(): void {
    const all = this.platform.bus.events;
    const fresh = all.slice(this.#eventCount);
    this.#eventCount = all.length;
    for (const e of fresh) {
      this.hub.publish('event', e);
      this.#opts.onPublished?.(e);
    }
    if (fresh.length > 0) this.changed();
  }
}
