/**
 * The local platform's state on disk: every engine of a {@link PlatformState}
 * plus the dev-only parts (configuration, emitted events) in one JSON file,
 * written atomically (temp file + rename) so a crash never leaves half a file.
 *
 * @module
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../errors.js';
import type { EmittedEvent } from '../testing/engine/bus.js';
import type { FileState } from '../testing/engine/files.js';
import type { InjectedChatMessage, PlatformState, SentNotification } from '../testing/engine/platform.js';
import type { StoreSnapshot } from '../testing/engine/store-engine.js';
import type { VaultEntryState } from '../testing/engine/vault.js';

/** Version of the state file layout. */
export const STATE_VERSION = 1;

/** What `state.json` holds. */
export interface DevStateFile {
  readonly version: number;
  readonly store: StoreSnapshot;
  readonly secrets: readonly VaultEntryState[];
  readonly files: readonly FileState[];
  readonly cache: ReadonlyArray<{ key: string; value: string; expiresAt: number }>;
  readonly skeleton: ReadonlyArray<{ key: string; value: unknown }>;
  readonly notifications: readonly SentNotification[];
  readonly chat: readonly InjectedChatMessage[];
  readonly events: readonly EmittedEvent[];
  /** Extension configuration as the platform would resolve it. */
  readonly config: Record<string, unknown>;
}

/** The state file inside a data folder. */
export function stateFile(dataDir: string): string {
  return join(dataDir, 'state.json');
}

/** Writes `text` to `path` atomically: a temp file in the same folder, then a rename. */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** A snapshot of `platform` and `config`. */
export function snapshot(platform: PlatformState, config: Record<string, unknown>): DevStateFile {
  return {
    version: STATE_VERSION,
    store: platform.store.exportState(),
    secrets: platform.vault.exportState(),
    files: platform.files.exportState(),
    cache: platform.cache.exportState(),
    skeleton: [...platform.skeleton.entries()].map(([key, value]) => ({ key, value })),
    notifications: [...platform.notifications],
    chat: [...platform.chat],
    events: platform.bus.events,
    config,
  };
}

/** Saves the state to `<dataDir>/state.json` (creating the folder). */
export function saveState(dataDir: string, platform: PlatformState, config: Record<string, unknown>): void {
  mkdirSync(dataDir, { recursive: true });
  writeAtomic(stateFile(dataDir), JSON.stringify(snapshot(platform, config)));
}

/**
 * Loads `<dataDir>/state.json` into `platform` and returns the saved config
 * (`{}` when there is no file). @throws {@link ValidationError} when the file is not a state file.
 */
export function loadState(dataDir: string, platform: PlatformState): Record<string, unknown> {
  const path = stateFile(dataDir);
  if (!existsSync(path)) return {};
  let parsed: Partial<DevStateFile>;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DevStateFile>;
  } catch (error) {
    throw new ValidationError('state.json', `${path} is not valid JSON (${(error as Error).message}); fix it or start with --reset`);
  }
  if (parsed.version !== STATE_VERSION) throw new ValidationError('state.json', `${path} has layout version ${String(parsed.version)}, expected ${STATE_VERSION}; start with --reset`);
  platform.store.importState(parsed.store ?? { spaces: [] });
  platform.vault.importState(parsed.secrets ?? []);
  platform.files.importState(parsed.files ?? []);
  platform.cache.importState(parsed.cache ?? []);
  platform.skeleton.clear();
  for (const { key, value } of parsed.skeleton ?? []) platform.skeleton.set(key, value);
  platform.notifications.splice(0, platform.notifications.length, ...(parsed.notifications ?? []));
  platform.chat.splice(0, platform.chat.length, ...(parsed.chat ?? []));
  platform.bus.importEvents(parsed.events ?? []);
  return { ...(parsed.config ?? {}) };
}

/** Deletes the saved state (`--reset`). */
export function resetState(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true });
}
