/**
 * Live updates for the playground: every change of the local platform
 * (store writes, events, logs, notifications, reloads) is broadcast to the
 * open Server-Sent Events streams.
 *
 * @module
 */
import type { ServerResponse } from 'node:http';

/** What changed. */
export type DevEventKind = 'store' | 'event' | 'log' | 'notification' | 'chat' | 'reload' | 'reload-error' | 'findings' | 'secrets' | 'config' | 'call';

/** One live update. */
export interface DevEvent {
  readonly kind: DevEventKind;
  readonly data: unknown;
}

/** Most events a slow client may have queued before it is dropped. */
export const SSE_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Fan-out of {@link DevEvent}s to SSE clients and in-process listeners. */
export class DevHub {
  readonly #clients = new Set<ServerResponse>();
  readonly #listeners = new Set<(event: DevEvent) => void>();
  #seq = 0;

  /** Sends `event` to every client. */
  publish(kind: DevEventKind, data: unknown): void {
    const event: DevEvent = { kind, data };
    for (const l of this.#listeners) l(event);
    if (this.#clients.size === 0) return;
    const frame = `id: ${++this.#seq}\nevent: ${kind}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.#clients) {
      // A client that stopped reading is dropped rather than buffered without bound.
      if (res.writableLength > SSE_MAX_BUFFERED_BYTES) {
        res.destroy();
        this.#clients.delete(res);
        continue;
      }
      res.write(frame);
    }
  }

  /** Subscribes an in-process listener; returns the unsubscribe function. */
  listen(listener: (event: DevEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Turns `res` into an event stream until the client goes away. */
  attach(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  /** Ends every stream (shutdown). */
  close(): void {
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  /** Open streams. */
  get size(): number {
    return this.#clients.size;
  }
}
