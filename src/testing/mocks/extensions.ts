/**
 * `MockExtensions`: `ctx.extensions` calling simulated extensions and
 * recording emitted events.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { ExtensionError, NotFoundError } from '../../errors.js';
import { checkCallChain, qualifyEvent, type ExtensionsClient } from '../../context/clients/extensions.js';
import type { WriteOptions } from '../../http/gateway.js';
import type { EmittedEvent, ExposedHandler } from '../engine/bus.js';
import type { MockScope } from './scope.js';

/** In-memory `ctx.extensions`. */
export class MockExtensions implements ExtensionsClient {
  constructor(
    private readonly scope: MockScope,
    private readonly callStack: readonly string[] = [scope.extensionId],
  ) {}

  /** Simulates another extension exposing `method`. */
  expose(appId: string, method: string, handler: ExposedHandler): this {
    this.scope.platform.bus.expose(appId, method, handler);
    return this;
  }

  async call<T = unknown>(appId: string, method: string, params: Record<string, unknown> = {}): Promise<T> {
    checkCallChain(this.callStack, appId, method);
    const s = this.scope;
    try {
      return (await s.platform.bus.invoke(appId, method, structuredClone(params), { userId: s.userId, tenantId: s.tenantId, appId: s.extensionId })) as T;
    } catch (err) {
      // As over the gateway: a failing method surfaces as ExtensionError, a missing one as NotFoundError.
      if (err instanceof NotFoundError) throw err;
      throw new ExtensionError(appId, err instanceof Error ? err.message : String(err));
    }
  }

  async emit(eventType: string, data: Record<string, unknown> = {}, options?: WriteOptions): Promise<void> {
    const s = this.scope;
    s.platform.bus.publish({
      eventType: qualifyEvent(s.extensionId, eventType).eventType,
      data: structuredClone(data),
      sourceApp: s.extensionId,
      userId: s.userId,
      tenantId: s.tenantId,
      id: options?.idempotencyKey ?? randomUUID(),
    });
  }

  /** Events emitted so far (by any extension on this platform). */
  get emitted(): readonly EmittedEvent[] {
    return this.scope.platform.bus.events;
  }
}
