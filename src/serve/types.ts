/**
 * The contract between the extension host's parts: the host core (call execution,
 * deadlines, drain), its transports (Redis Streams, HTTP) and the per-call context.
 * Every transport hands decoded requests to {@link HostCore.execute}; none owns
 * dispatch logic (everything goes through `runRpcRequest` → `dispatch`).
 *
 * @module
 */
import type { Extension } from '../core/extension.js';
import type { RpcReply, RpcRequest } from '../rpc/envelope.js';

/** Which transport carried a call (a metrics label). */
export type TransportName = 'redis' | 'http';

/** One way calls reach the host. */
export interface Transport {
  readonly name: TransportName;
  /** Connects / listens. Resolves once the transport accepts calls. */
  start(): Promise<void>;
  /** Stops taking new calls (drain begins); calls already taken still finish. */
  stopAccepting(): Promise<void>;
  /** Releases every resource (connections, sockets, timers). */
  close(): Promise<void>;
  /** True when connected and accepting (feeds `/readyz`). */
  isReady(): boolean;
  /** One short description for the start line, e.g. `redis://127.0.0.1:6379 stream=… group=…`. */
  describe(): string;
}

/** What the host core offers to its transports. */
export interface HostCore {
  readonly ext: Extension;
  /** Worker id written into replies (`--consumer`). */
  readonly workerId: string;
  /**
   * Runs one decoded request to a reply: deadline → `ctx.signal` + timer (a `timeout`
   * reply at the deadline, late results discarded), per-call context, `runRpcRequest`,
   * metrics. Never rejects.
   */
  execute(request: RpcRequest, transport: TransportName): Promise<RpcReply>;
  /** Calls currently running (all transports). */
  readonly inFlight: number;
  /** True once shutdown began. */
  isDraining(): boolean;
}
