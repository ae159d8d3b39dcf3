/**
 * The host's runner for `ctx.backgroundTask()`: each task starts only after its call
 * has replied, runs within its time cap (180 s, 1800 s with `longRunning`), and its
 * `ActionResult` is delivered to the user's chat. A shutdown waits for running tasks
 * up to the drain timeout, then aborts them.
 *
 * @module
 */
import type { BackgroundTask, BackgroundTaskRunner } from '../context/background.js';
import type { ChatMessageOptions } from '../context/clients/chat.js';
import { toActionResult } from '../core/results.js';
import { ImperalError } from '../errors.js';

/** Default bound on background tasks queued or running in one process. */
export const DEFAULT_MAX_BACKGROUND_TASKS = 256;

/** Where a task's outcome goes: the user's chat, with the call's secret masking applied. */
export interface TaskDelivery {
  /** Posts `text` into the acting user's chat; `null` when the call has no chat (system, webhook). */
  readonly deliver: ((text: string, options?: ChatMessageOptions) => Promise<void>) | null;
  /** Masks the secret values the call has seen. */
  readonly redact: (text: string) => string;
}

/** What happened to a task (for logs and tests). */
export interface TaskOutcome {
  readonly id: string;
  readonly name: string;
  readonly status: 'success' | 'error' | 'timeout';
  /** The text delivered to chat (or that would have been, when the call has no chat). */
  readonly text: string;
  readonly delivered: boolean;
}

/** Options of {@link HostBackgroundRunner}. */
export interface HostBackgroundRunnerOptions {
  /** Most tasks queued or running at once (default {@link DEFAULT_MAX_BACKGROUND_TASKS}); beyond it `ctx.backgroundTask()` throws. */
  readonly maxTasks?: number;
  /** Told about every finished task. */
  readonly onOutcome?: (outcome: TaskOutcome) => void;
  /** Told when a delivery to chat fails. */
  readonly onDeliveryError?: (task: BackgroundTask, error: unknown) => void;
}

/** Runs the process's background tasks. */
export class HostBackgroundRunner {
  readonly #max: number;
  readonly #options: HostBackgroundRunnerOptions;
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  #queued = 0;

  constructor(options: HostBackgroundRunnerOptions = {}) {
    this.#max = options.maxTasks ?? DEFAULT_MAX_BACKGROUND_TASKS;
    this.#options = options;
  }

  /** Tasks queued or running now. */
  get active(): number {
    return this.#queued + this.#running.size;
  }

  /**
   * A runner for one call: it holds the call's tasks until {@link CallTasks.release}
   * (called once the reply is sent), then starts them here.
   */
  forCall(delivery: TaskDelivery): CallTasks {
    return new CallTasks(this, delivery);
  }

  /** Reserves a slot; throws when the process already holds {@link HostBackgroundRunnerOptions.maxTasks}. */
  reserve(): void {
    if (this.active >= this.#max) {
      throw new ImperalError(`too many background tasks (${this.#max}) in this host; try again when some have finished`, { code: 'background_tasks_full' });
    }
    this.#queued++;
  }

  /** Gives a reserved slot back without running (the call never replied). */
  unreserve(): void {
    this.#queued = Math.max(0, this.#queued - 1);
  }

  /** Starts a task in a reserved slot. */
  start(task: BackgroundTask, delivery: TaskDelivery): void {
    this.#queued = Math.max(0, this.#queued - 1);
    const controller = new AbortController();
    const done = this.#run(task, delivery, controller).finally(() => this.#running.delete(task.id));
    this.#running.set(task.id, { controller, done });
  }

  async #run(task: BackgroundTask, delivery: TaskDelivery, controller: AbortController): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new ImperalError(`background task '${task.name}' exceeded ${task.timeoutMs / 1000} s`, { code: 'timeout' }));
        resolve('timeout');
      }, task.timeoutMs);
    });
    let status: TaskOutcome['status'];
    let text: string;
    let refresh: string[] | undefined;
    try {
      const value = await Promise.race([Promise.resolve().then(() => task.run(controller.signal)), timedOut]);
      if (value === 'timeout' && controller.signal.aborted) {
        status = 'timeout';
        text = `Background task '${task.name}' did not finish within ${task.timeoutMs / 1000} s and was stopped.`;
      } else {
        const result = toActionResult(value);
        status = result.status;
        refresh = result.refreshPanels;
        text = result.status === 'success' ? result.summary || `Background task '${task.name}' finished.` : `Background task '${task.name}' failed: ${result.error ?? 'unknown error'}`;
      }
    } catch (error) {
      status = controller.signal.aborted ? 'timeout' : 'error';
      text =
        status === 'timeout'
          ? `Background task '${task.name}' did not finish within ${task.timeoutMs / 1000} s and was stopped.`
          : `Background task '${task.name}' failed: ${error instanceof Error ? error.message : 'unknown error'}`;
    } finally {
      clearTimeout(timer);
    }
    text = delivery.redact(text);
    let delivered = false;
    if (delivery.deliver) {
      try {
        await delivery.deliver(text, { msgType: 'response', ...(refresh && refresh.length > 0 ? { refreshPanels: refresh } : {}) });
        delivered = true;
      } catch (error) {
        this.#options.onDeliveryError?.(task, error);
      }
    }
    this.#options.onOutcome?.({ id: task.id, name: task.name, status, text, delivered });
  }

  /**
   * Waits for running tasks for at most `timeoutMs`, then aborts the rest (their
   * outcome is still delivered as stopped). Resolves once every task has settled.
   */
  async drain(timeoutMs: number): Promise<void> {
    const all = (): Promise<unknown> => Promise.allSettled([...this.#running.values()].map((r) => r.done));
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), timeoutMs);
    });
    const first = await Promise.race([all(), expired]);
    clearTimeout(timer);
    if (first === 'expired') {
      for (const r of this.#running.values()) r.controller.abort(new ImperalError('the host is shutting down', { code: 'shutdown' }));
      await all();
    }
  }
}

/** One call's view of the runner: tasks wait until the call has replied. */
export class CallTasks implements BackgroundTaskRunner {
  readonly #runner: HostBackgroundRunner;
  readonly #delivery: TaskDelivery;
  #pending: BackgroundTask[] = [];
  /** holding until the reply; then released (tasks start at once) or dropped (the call ended unanswered). */
  #state: 'holding' | 'released' | 'dropped' = 'holding';

  constructor(runner: HostBackgroundRunner, delivery: TaskDelivery) {
    this.#runner = runner;
    this.#delivery = delivery;
  }

  schedule(task: BackgroundTask): void {
    // A call that timed out or lost its client keeps none of its work, even work scheduled late.
    if (this.#state === 'dropped') return;
    this.#runner.reserve();
    if (this.#state === 'released') this.#runner.start(task, this.#delivery);
    else this.#pending.push(task);
  }

  /** The reply is out: start the call's tasks. Idempotent; nothing once dropped. */
  release(): void {
    if (this.#state !== 'holding') return;
    this.#state = 'released';
    const tasks = this.#pending;
    this.#pending = [];
    for (const task of tasks) this.#runner.start(task, this.#delivery);
  }

  /** Drops tasks that never started (a call whose reply was never sent), and any scheduled later. */
  discard(): void {
    if (this.#state === 'released') return;
    for (let i = 0; i < this.#pending.length; i++) this.#runner.unreserve();
    this.#pending = [];
    this.#state = 'dropped';
  }
}
