/**
 * `ctx.notify`: sends the acting user a notification.
 *
 * @module
 */
import type { WriteOptions } from '../../http/gateway.js';
import { requireName } from './checks.js';
import type { ClientScope } from './scope.js';

/** Upstream notify timeout. */
const NOTIFY_TIMEOUT_MS = 10_000;

/** Notification options; further keys are sent as given (snake_case). */
export interface NotifyOptions {
  /** `in_app`, `email`, `telegram`, … (`send()` defaults to `in_app`). */
  readonly channel?: string;
  readonly priority?: 'low' | 'normal' | 'high' | 'urgent';
  readonly subject?: string;
  readonly body?: string;
  readonly [key: string]: unknown;
}

/**
 * The `ctx.notify` interface: call it (`await ctx.notify('Done')`) or use
 * `send()`, which always names a channel. Implemented by the gateway client and `MockNotify`.
 */
export interface NotifyClient {
  (message: string, options?: NotifyOptions, call?: WriteOptions): Promise<void>;
  send(message: string, options?: NotifyOptions, call?: WriteOptions): Promise<void>;
}

/** The wire body: user, message, extension, then the caller's fields (which win). */
export function notifyBody(userId: string, extensionId: string, message: string, options: NotifyOptions): Record<string, unknown> {
  requireName('message', message, 'Your export is ready');
  return { user_id: userId, message, extension_id: extensionId, ...options };
}

/** Turns a `send(message, options)` function into a callable {@link NotifyClient}. */
export function makeNotifyClient(send: (message: string, options: NotifyOptions, call?: WriteOptions) => Promise<void>): NotifyClient {
  const notify = ((message: string, options: NotifyOptions = {}, call?: WriteOptions) => send(message, options, call)) as NotifyClient;
  notify.send = (message, options = {}, call) => send(message, { channel: 'in_app', ...options }, call);
  return notify;
}

/** `ctx.notify` over `POST /v1/internal/notify` (Bearer service token, as the platform SDK sends). */
export function gatewayNotifyClient(scope: ClientScope): NotifyClient {
  return makeNotifyClient(async (message, options, call) => {
    await scope.http.call({
      what: 'notify',
      method: 'POST',
      path: '/v1/internal/notify',
      headers: scope.bearer(),
      json: notifyBody(scope.userId, scope.extensionId, message, options),
      timeoutMs: NOTIFY_TIMEOUT_MS,
      options: call,
    });
  });
}
