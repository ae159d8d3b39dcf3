import type { ChildProcess } from 'node:child_process';

/** A running `imperal dev` child process. */
export interface DevProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function startDevProcess(project: string, dataDir: string, options?: { timeoutMs?: number; extraArgs?: string[] }): Promise<DevProcess>;
export const CHROMIUM_ARGS: readonly string[];
export const CHROMIUM_PATH: string;
