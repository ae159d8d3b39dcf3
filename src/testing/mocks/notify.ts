/**
 * `MockNotify`: `ctx.notify` that records what was sent.
 *
 * @module
 */
import { makeNotifyClient, notifyBody, type NotifyClient } from '../../context/clients/notify.js';
import type { SentNotification } from '../engine/platform.js';
import type { MockScope } from './scope.js';

/** `ctx.notify` plus `sent`: every notification, as its wire body. */
export type MockNotify = NotifyClient & { readonly sent: readonly SentNotification[] };

/** Builds a {@link MockNotify} acting for `scope`. */
export function createMockNotify(scope: MockScope): MockNotify {
  const notify = makeNotifyClient(async (message, options) => {
    scope.platform.notifications.push(notifyBody(scope.userId, scope.extensionId, message, options) as SentNotification);
  });
  return Object.defineProperty(notify, 'sent', { get: () => [...scope.platform.notifications], enumerable: true }) as MockNotify;
}
