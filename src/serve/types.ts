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
  execute(request: RpcRequest, transport: TransportName, extras?: CallOptions): Promise<RpcReply>;
  /**
   * Like {@link execute}, for transports whose delivery of the reply is a separate
   * step (Redis): the call's background tasks wait until the transport reports the
   * reply delivered (`replied()`), or are dropped (`abandoned()`). Never rejects.
   */
  run(request: RpcRequest, transport: TransportName, extras?: CallOptions): Promise<ExecutedCall>;
  /** Calls currently running (all transports). */
  readonly inFlight: number;
  /** True once shutdown began. */
  isDraining(): boolean;
}

/** Facts about a call that the envelope does not carry. */
export interface CallOptions {
  /** The platform call token the call arrived with (forwarded to the skeleton/cache routes). */
  readonly callToken?: string;
}

/** A call that ran, waiting for its transport to deliver the reply. */
export interface ExecutedCall {
  readonly reply: RpcReply;
  /** The reply was delivered: the call's background tasks may start. */
  replied(): void;
  /** The reply was not delivered (or the call timed out): the call's background tasks are dropped. */
  abandoned(): void;
  /** True when the call scheduled background tasks that wait for {@link replied} (a transport may skip watching delivery otherwise). */
  hasBackgroundTasks(): boolean;
}
