/**
 * The tester's background task runner: records every `ctx.backgroundTask()`
 * and runs it the way the host does (after the call has replied, with an
 * abort signal at the task's time cap), so a test can await it.
 *
 * @module
 */
import type { BackgroundTask, BackgroundTaskRunner } from '../context/background.js';

/** A recorded background task. */
export interface RecordedBackgroundTask {
  readonly id: string;
  readonly name: string;
  readonly longRunning: boolean;
  readonly timeoutMs: number;
  /** `pending` until the task settles. */
  readonly status: 'pending' | 'done' | 'failed';
  /** What the task resolved to (usually an `ActionResult`). */
  readonly result?: unknown;
  /** Why it failed (a throw or the time cap). */
  readonly error?: unknown;
  /** Settles with the task (never rejects: a failure is in `status`/`error`). */
  readonly done: Promise<void>;
}

/** Records and runs background tasks for a `MockContext` (see `ctx.background`). */
export class BackgroundRecorder implements BackgroundTaskRunner {
  readonly #tasks: RecordedBackgroundTask[] = [];

  /** Records `task` and starts it on a later turn, aborting it at its time cap. */
  schedule(task: BackgroundTask): void {
    const record: { -readonly [K in keyof RecordedBackgroundTask]: RecordedBackgroundTask[K] } = {
      id: task.id,
      name: task.name,
      longRunning: task.longRunning,
      timeoutMs: task.timeoutMs,
      status: 'pending',
      done: Promise.resolve(),
    };
    // Started on a later turn: the call that scheduled it replies first, as on the host.
    record.done = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      const signal = AbortSignal.timeout(task.timeoutMs);
      try {
        const result = await Promise.race([
          task.run(signal),
          new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
        ]);
        Object.assign(record, { status: 'done', result });
      } catch (error) {
        Object.assign(record, { status: 'failed', error });
      }
    });
    this.#tasks.push(record);
  }

  /** Every task scheduled so far, in order. */
  get tasks(): readonly RecordedBackgroundTask[] {
    return [...this.#tasks];
  }

  /** Waits until every task scheduled so far (and any they schedule) has settled; returns them all. */
  async settled(): Promise<readonly RecordedBackgroundTask[]> {
    for (let seen = -1; seen !== this.#tasks.length; ) {
      seen = this.#tasks.length;
      await Promise.all(this.#tasks.map((t) => t.done));
    }
    return this.tasks;
  }
}
