/**
 * A plain, read-only view of a loaded extension for the rules: options with
 * defaults and every registry collection as an array.
 *
 * The extension is matched by shape (it may come from another copy of the
 * SDK), so every field is read defensively.
 *
 * @module
 */
import type {
  CacheModelRecord, ChatFunctionRecord, FileSinkRecord, EmitsRecord, EventHandlerRecord, ExposedRecord, HealthCheckRecord,
  LifecycleRecord, PanelRecord, ScheduleRecord, SecretRecord, SignalRecord, SkeletonRecord, ToolRecord,
  TrayRecord, WebhookRecord,
} from '../core/records.js';
import type { ResolvedExtensionOptions } from '../core/options.js';
import type { ExtensionLike } from './load/index.js';

/** A ChatExtension and its functions. */
export interface ChatModel {
  readonly toolName: string;
  readonly description: string;
  readonly functions: readonly ChatFunctionRecord[];
}

/** What the rules know about a loaded extension: its options (defaults applied) and registry. */
export interface ExtensionModel
  extends Pick<ResolvedExtensionOptions, 'displayName' | 'description' | 'icon' | 'actionsExplicit' | 'system' | 'capabilities'> {
  readonly appId: string;
  readonly version: string;
  /** Plain and skeleton refresh tools. */
  readonly tools: readonly ToolRecord[];
  readonly chats: readonly ChatModel[];
  /** Every chat function of every ChatExtension, in registration order. */
  readonly functions: readonly ChatFunctionRecord[];
  readonly panels: readonly PanelRecord[];
  readonly trays: readonly TrayRecord[];
  readonly skeletons: readonly SkeletonRecord[];
  readonly schedules: readonly ScheduleRecord[];
  readonly signals: readonly SignalRecord[];
  readonly webhooks: readonly WebhookRecord[];
  readonly eventHandlers: readonly EventHandlerRecord[];
  readonly emits: readonly EmitsRecord[];
  readonly exposed: readonly ExposedRecord[];
  readonly lifecycle: readonly LifecycleRecord[];
  readonly healthCheck?: HealthCheckRecord;
  readonly secrets: readonly SecretRecord[];
  readonly cacheModels: readonly CacheModelRecord[];
  /** Declared file sinks (`ext.fileSink`). */
  readonly fileSinks: readonly FileSinkRecord[];
  /** The extension itself, for `manifest()`. */
  readonly source: ExtensionLike;
}

/** Values of a Map, an array or any iterable; `[]` for anything else. */
function list<T>(value: unknown): T[] {
  if (value instanceof Map) return [...(value.values() as Iterable<T>)];
  if (Array.isArray(value)) return value as T[];
  if (value != null && typeof value === 'object' && Symbol.iterator in value) return [...(value as Iterable<T>)];
  return [];
}

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** Reads `ext` into an {@link ExtensionModel}. */
export function modelOf(ext: ExtensionLike): ExtensionModel {
  const reg = ext.registry as Record<string, unknown>;
  const opts = (ext.options ?? {}) as Record<string, unknown>;
  const chats = list<Record<string, unknown>>(reg.chats).map((c) => ({
    toolName: str(c.toolName),
    description: str(c.description),
    functions: list<ChatFunctionRecord>(c.functions),
  }));
  const functions = reg.functions !== undefined ? list<ChatFunctionRecord>(reg.functions) : chats.flatMap((c) => c.functions);
  return {
    appId: ext.appId,
    version: str(ext.version, '0.1.0'),
    displayName: str(opts.displayName),
    description: str(opts.description),
    icon: str(opts.icon),
    actionsExplicit: opts.actionsExplicit !== false,
    system: opts.system === true,
    capabilities: list<string>(opts.capabilities),
    tools: list(reg.tools),
    chats,
    functions,
    panels: list(reg.panels),
    trays: list(reg.trays),
    skeletons: list(reg.skeletons),
    schedules: list(reg.schedules),
    signals: list(reg.signals),
    webhooks: list(reg.webhooks),
    eventHandlers: list(reg.eventHandlers),
    emits: list(reg.emits),
    exposed: list(reg.exposed),
    lifecycle: list(reg.lifecycle),
    healthCheck: (reg.healthCheck ?? undefined) as HealthCheckRecord | undefined,
    secrets: list(reg.secrets),
    cacheModels: list(reg.cacheModels),
    fileSinks: list(reg.fileSinks),
    source: ext,
  };
}

/** Synthetic tool name prefixes: platform plumbing, not author tools. */
export const SYNTHETIC_PREFIXES = ['__panel__', '__widget__', '__tray__', '__webhook__'] as const;

/** Counts shown in the report header (upstream semantics). */
export interface ExtensionCounts {
  readonly tools: number;
  readonly functions: number;
  readonly events: number;
}

/** Tool, function and event counts of `model`. */
export function countsOf(model: ExtensionModel): ExtensionCounts {
  const tools = model.tools.filter((t) => !SYNTHETIC_PREFIXES.some((p) => t.name.startsWith(p))).length;
  const events = model.functions.filter((f) => f.event).length + model.eventHandlers.length;
  return { tools, functions: model.functions.length, events };
}
