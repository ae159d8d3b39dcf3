/**
 * What the dev API routes share: the platform, the runner, the reloader and
 * the live validator findings.
 *
 * @module
 */
import type { Finding } from '../validator/finding.js';
import type { DevPlatform } from './platform.js';
import type { Reloader } from './reloader.js';
import type { DevRunner } from './runner.js';

/** The live findings of `imperal validate` for the current sources. */
export interface FindingsReport {
  readonly findings: readonly Finding[];
  /** Version of the extension they were computed for (0: none loaded). */
  readonly version: number;
  readonly counts: { ERROR: number; WARN: number; INFO: number };
}

/** Shared by every API route. */
export interface DevServerState {
  readonly platform: DevPlatform;
  readonly runner: DevRunner;
  readonly reloader: Reloader;
  readonly dataDir: string;
  /** Findings for the latest sources (computed once per change). */
  findings(): Promise<FindingsReport>;
}
