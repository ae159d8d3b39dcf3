/**
 * The host core: runs one decoded request to a reply for any transport.
 * It turns `deadline_ns` into `ctx.signal` and a timer (a `timeout` reply at the
 * deadline; a result arriving later is discarded), counts calls in flight and
 * waits for them on drain. It owns no dispatch logic: every call goes through
 * `runRpcRequest` → `dispatch`.
 *
 * @module
 */
import type { Context } from '../context/context.js';
import type { Extension } from '../core/extension.js';
import type { RpcReply, RpcRequest } from '../rpc/envelope.js';
import { buildErrorReply, nowNs, runRpcRequest } from '../rpc/replies.js';
import type { HostLogger } from './logger.js';
import type { HostMetrics } from './metrics.js';
import type { CallOptions, ExecutedCall, HostCore, TransportName } from './types.js';

/** The per-call context and its background-task hooks (implemented by `CallContextFactory`). */
export interface CallScopeLike {
  readonly ctx: Context;
  afterReply(): void;
  abandon(): void;
  /** True when background tasks wait for the reply. */
  hasTasks(): boolean;
}

/** Builds per-call contexts; the host hands it the call's deadline signal. */
export interface CallContexts {
  forCall(request: RpcRequest, extras: { signal?: AbortSignal | (() => AbortSignal); callToken?: string }): CallScopeLike;
}

/** Options of {@link Host}. */
export interface HostOptions {
  readonly workerId: string;
  readonly contexts: CallContexts;
  readonly logger?: HostLogger;
  /** Call metrics (in flight, duration, outcome). */
  readonly metrics?: Pick<HostMetrics, 'callStarted'>;
  /** Clock in ns (tests). */
  readonly now?: () => bigint;
}

// setTimeout holds at most 2^31-1 ms; longer deadlines re-arm.
const MAX_TIMER_MS = 2 ** 31 - 1;
// Node keeps one timer list per distinct duration: deadline timers rounded DOWN to a
// whole second share lists (most calls end long before and clear theirs); one that
// fires early re-arms for the exact rest, so the deadline itself is never late.
const TIMER_STEP_MS = 1000;
const timerMs = (left: number): number => Math.min(left > TIMER_STEP_MS ? left - (left % TIMER_STEP_MS) : left, MAX_TIMER_MS);

/** The host core (see {@link HostCore}). */
export class Host implements HostCore {
  readonly ext: Extension;
  readonly workerId: string;
  readonly #options: HostOptions;
  readonly #now: () => bigint;
  #inFlight = 0;
  #draining = false;
  readonly #idle = new Set<() => void>();

  constructor(ext: Extension, options: HostOptions) {
    this.ext = ext;
    this.workerId = options.workerId;
    this.#options = options;
    this.#now = options.now ?? nowNs;
  }

  /** Calls currently running. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** True once {@link beginDrain} was called. */
  isDraining(): boolean {
    return this.#draining;
  }

  /** Marks the host as draining (transports stop taking calls; `/readyz` turns 503). */
  beginDrain(): void {
    this.#draining = true;
  }

  /** Resolves `true` when no call is in flight, or `false` after `timeoutMs`. */
  waitIdle(timeoutMs: number): Promise<boolean> {
    if (this.#inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        this.#idle.delete(onIdle);
        resolve(ok);
      };
      const onIdle = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.#idle.add(onIdle);
    });
  }

  /** Runs `request` to a reply, releasing its background tasks at once (the caller sends the reply next). Never rejects. */
  async execute(request: RpcRequest, transport: TransportName, extras: CallOptions = {}): Promise<RpcReply> {
    const call = await this.run(request, transport, extras);
    call.replied();
    return call.reply;
  }

  /** Runs `request`; its background tasks wait for `replied()`. Never rejects. */
  async run(request: RpcRequest, transport: TransportName, extras: CallOptions = {}): Promise<ExecutedCall> {
    this.#inFlight++;
    const end = this.#options.metrics?.callStarted(request.function, transport);
    let call: ExecutedCall | undefined;
    try {
      call = await this.#run(request, extras);
      return call;
    } finally {
      this.#inFlight--;
      end?.(call?.reply ?? this.#failure(request, this.#now()));
      if (this.#inFlight === 0) for (const f of [...this.#idle]) f();
    }
  }

  #failure(request: RpcRequest, startedAtNs: bigint): RpcReply {
    return buildErrorReply({ corrId: request.corr_id, category: 'infrastructure', message: 'the extension host failed to run the call', retryable: false, workerId: this.workerId, startedAtNs });
  }

  async #run(request: RpcRequest, extras: CallOptions): Promise<ExecutedCall> {
    const startedAtNs = this.#now();
    const bare = (reply: RpcReply): ExecutedCall => ({ reply, replied: () => undefined, abandoned: () => undefined, hasBackgroundTasks: () => false });
    const timeoutReply = (message: string): RpcReply =>
      buildErrorReply({ corrId: request.corr_id, category: 'timeout', message, retryable: true, workerId: this.workerId, startedAtNs });
    const remainingMs = Number((request.deadline_ns - startedAtNs) / 1_000_000n);
    if (remainingMs <= 0) return bare(timeoutReply('deadline passed before the call started'));

    // The signal (and its controller) is made only when the handler or a client reads it:
    // most calls never do. Read after the deadline, it is already aborted.
    let controller: AbortController | undefined;
    let timedOut = false;
    const signal = (): AbortSignal => {
      controller ??= new AbortController();
      if (timedOut && !controller.signal.aborted) controller.abort(new DeadlineError());
      return controller.signal;
    };
    let scope: CallScopeLike;
    try {
      scope = this.#options.contexts.forCall(request, { signal, ...(extras.callToken ? { callToken: extras.callToken } : {}) });
    } catch (error) {
      this.#options.logger?.error({ corr_id: request.corr_id, fn: request.function, err: describe(error) }, 'could not build the call context');
      return bare(this.#failure(request, startedAtNs));
    }
    let timer: NodeJS.Timeout | undefined;
    let answered = false;
    let settle!: (reply: RpcReply) => void;
    // The reply: the call's own, or the timeout reply at the deadline, whichever comes first.
    const replied = new Promise<RpcReply>((resolve) => (settle = resolve));
    // Armed before the handler starts: a handler that blocks before its first await
    // cannot push the deadline back (the timer fires as soon as it yields).
    const arm = (ms: number): void => {
      timer = setTimeout(() => {
        if (answered) return;
        const left = Number((request.deadline_ns - this.#now()) / 1_000_000n);
        if (left > 0) return arm(timerMs(left));
        timedOut = true;
        controller?.abort(new DeadlineError());
        settle(timeoutReply('the call did not finish before its deadline'));
      }, ms);
    };
    arm(timerMs(remainingMs));
    const work = runRpcRequest(this.ext, request, scope.ctx, { workerId: this.workerId, now: this.#now }).catch((error: unknown) => {
      // runRpcRequest contains handler failures; reaching here means the host itself failed.
      this.#options.logger?.error({ corr_id: request.corr_id, fn: request.function, err: describe(error) }, 'call failed in the host');
      return this.#failure(request, startedAtNs);
    });
    const own = (reply: RpcReply): void => {
      if (timedOut) return;
      answered = true;
      settle(reply);
    };
    work.then(own, () => own(this.#failure(request, startedAtNs)));
    const reply = await replied;
    clearTimeout(timer);
    if (timedOut) {
      this.#options.logger?.warn({ corr_id: request.corr_id, fn: request.function }, 'deadline reached: timeout reply sent; a late result will be discarded');
      scope.abandon();
      work.then(
        () => scope.abandon(),
        () => scope.abandon(),
      );
      return bare(reply);
    }
    return { reply, replied: () => scope.afterReply(), abandoned: () => scope.abandon(), hasBackgroundTasks: () => scope.hasTasks() };
  }
}

/** The reason `ctx.signal` aborts at a call's deadline. */
export class DeadlineError extends Error {
  constructor() {
    super('the call reached its deadline');
    this.name = 'TimeoutError';
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'unprintable error';
  }
}
