/**
 * `ctx.backgroundTask()` (5.x `background_task`): work that outlives the call.
 * The host replies to the caller first, then runs the task within its time cap
 * (180 s, or 1800 s with `longRunning`) and delivers the task's `ActionResult`
 * to the user's chat. The context only hands the task to a runner; who runs it is
 * the embedder's choice (the `imperal serve` host, the tester's recorder, …).
 *
 * @module
 */

/** Options of `ctx.backgroundTask()`. */
export interface BackgroundTaskOptions {
  /** Allows 1800 s instead of 180 s. */
  readonly longRunning?: boolean;
  /** A label for logs and the task id (default `background`). */
  readonly name?: string;
}

/** The work itself: gets a signal that aborts at the task's time cap; should resolve to an `ActionResult`. */
export type BackgroundTaskFn = (signal: AbortSignal) => Promise<unknown>;

/** A task handed to a runner. */
export interface BackgroundTask {
  /** Unique id, returned by `ctx.backgroundTask()`. */
  readonly id: string;
  readonly name: string;
  readonly longRunning: boolean;
  /** Time cap in ms (180 000, or 1 800 000 with `longRunning`). */
  readonly timeoutMs: number;
  readonly run: BackgroundTaskFn;
}

/** Runs background tasks for contexts built with it (`createContext({ backgroundTasks })`). */
export interface BackgroundTaskRunner {
  /** Accepts a task; must not run it synchronously (the call replies first). */
  schedule(task: BackgroundTask): void;
}

/** The 5.x time caps. */
export const BACKGROUND_TASK_TIMEOUT_MS = 180_000;
/** The 5.x time cap with `longRunning: true`. */
export const BACKGROUND_TASK_LONG_TIMEOUT_MS = 1_800_000;
