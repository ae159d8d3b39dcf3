/**
 * Other extensions, simulated: their exposed methods and the events emitted
 * (`MockExtensions` and the local gateway's call/publish routes).
 *
 * @module
 */
import { NotFoundError } from '../../errors.js';

/** Who is calling an exposed method. */
export interface Caller {
  readonly userId: string;
  readonly tenantId: string;
  /** The calling extension. */
  readonly appId: string;
}

/** A simulated exposed method. */
export type ExposedHandler = (params: Record<string, unknown>, caller: Caller) => unknown;

/** An emitted event as recorded. */
export interface EmittedEvent {
  /** `<source app>.<event>`. */
  readonly eventType: string;
  readonly data: Record<string, unknown>;
  readonly sourceApp: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly id: string;
}

/** Exposed methods of simulated extensions, and every event emitted. */
export class ExtensionBus {
  readonly #methods = new Map<string, ExposedHandler>();
  readonly #events: EmittedEvent[] = [];

  /** Simulates `appId` exposing `method`. */
  expose(appId: string, method: string, handler: ExposedHandler): this {
    this.#methods.set(`${appId}\u0000${method}`, handler);
    return this;
  }

  /** Runs an exposed method; {@link NotFoundError} when nothing is exposed under that name. */
  async invoke(appId: string, method: string, params: Record<string, unknown>, caller: Caller): Promise<unknown> {
    const handler = this.#methods.get(`${appId}\u0000${method}`);
    if (!handler) throw new NotFoundError('method', `${appId}.${method}`);
    return handler(params, caller);
  }

  /** Records an event; a repeated `id` is ignored (retried publishes). */
  publish(event: EmittedEvent): void {
    if (event.id && this.#events.some((e) => e.id === event.id)) return;
    this.#events.push(Object.freeze({ ...event }));
  }

  /** Events emitted so far, oldest first. */
  get events(): readonly EmittedEvent[] {
    return [...this.#events];
  }

  /** Replaces the recorded events (restoring a persisted platform). */
  importEvents(events: readonly EmittedEvent[]): void {
    this.#events.length = 0;
    for (const e of events) this.#events.push(Object.freeze({ ...e }));
  }
}
