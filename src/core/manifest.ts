/**
 * The manifest builder: turns an extension's registry into `imperal.json` in the
 * 5.11 shape — same keys, key order and "emit only when non-empty" rules as the
 * platform's reference generator, so a TS extension is indistinguishable from a
 * Python one.
 *
 * @module
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Extension } from './extension.js';
import { declarationOrder } from './order.js';
import type { JsonSchema } from './schema.js';
import type { ChatFunctionRecord, MenuItemRecord, PanelRecord, SecretRecord, ToolRecord } from './records.js';

/** The contract level this SDK implements; the platform requires ≥ 5.0.0. */
export const SDK_VERSION = '5.11.0';
/** The manifest format generation. */
export const MANIFEST_SCHEMA_VERSION = 3;

/** Options of {@link buildManifest}. */
export interface ManifestOptions {
  /** Folder the icon path is resolved against (default: the process's working directory). */
  baseDir?: string;
}

/** One `parameters` entry of a plain tool. */
export interface ToolParameter {
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  required: boolean;
}

/** A plain tool entry of `tools[]`. */
export interface ManifestTool {
  name: string;
  description: string;
  scopes: string[];
  parameters: Record<string, ToolParameter>;
}

/** A chat function entry of `tools[]`. */
export interface ManifestFunction {
  name: string;
  description: string;
  action_type: string;
  chain_callable: boolean;
  effects: string[];
  id_projection: string;
  params_schema: JsonSchema;
  return_schema: JsonSchema;
  event: string;
  background: boolean;
  long_running: boolean;
  scopes: string[];
  owner_chat_tool: string;
}

/** The `imperal.json` document (optional sections appear only when non-empty). */
export interface Manifest {
  manifest_schema_version: number;
  sdk_version: string;
  app_id: string;
  version: string;
  name: string;
  description: string;
  icon: string;
  actions_explicit: boolean;
  system: boolean;
  hidden_in_sidebar?: boolean;
  capabilities: string[];
  tools: Array<ManifestTool | ManifestFunction>;
  signals: Array<{ name: string }>;
  schedules: Array<{ name: string; cron: string }>;
  required_scopes: string[];
  icon_size_bytes?: number;
  webhooks?: Array<{ path: string; method: string; secret_header: string }>;
  events?: { subscribes: Array<{ type: string; handler: string }>; emits: Array<{ type: string; schema_ref?: string }> };
  exposed?: Array<{ name: string; action_type: string }>;
  lifecycle?: Record<string, unknown>;
  lifecycle_hooks?: Record<string, { signature: string }>;
  tray?: Array<{ tray_id: string; icon: string; tooltip: string; zone: string; order: number }>;
  menu?: Array<Record<string, unknown>>;
  migrations_dir?: string;
  config_defaults?: Record<string, unknown>;
  secrets?: Array<Record<string, unknown>>;
  oauth?: Array<{ provider: string; collection?: string; scopes: string[]; has_hook: boolean }>;
  file_sinks?: Array<{ tool: string; accepts: string[]; arg: string; arg_kind: string; description: string }>;
  panels: Array<Record<string, unknown>>;
}

const PARAM_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array', 'object']);

/** Builds the manifest of `ext`. Pure except for reading the icon's size from disk. */
export function buildManifest(ext: Extension, options: ManifestOptions = {}): Manifest {
  const { registry, options: o } = ext;
  const tools: Array<ManifestTool | ManifestFunction> = declarationOrder(registry.tools.values()).map(toolEntry);
  for (const chat of registry.chats) for (const fn of declarationOrder(chat.functions.values())) tools.push(functionEntry(fn));

  const manifest: Manifest = {
    manifest_schema_version: MANIFEST_SCHEMA_VERSION,
    sdk_version: SDK_VERSION,
    app_id: ext.appId,
    version: ext.version,
    name: o.displayName || ext.appId,
    description: o.description,
    icon: o.icon,
    actions_explicit: o.actionsExplicit,
    system: o.system,
    ...(o.hiddenInSidebar ? { hidden_in_sidebar: true } : {}),
    capabilities: [...o.capabilities],
    tools,
    signals: declarationOrder(registry.signals.values()).map(({ name }) => ({ name })),
    schedules: declarationOrder(registry.schedules.values()).map(({ name, cron }) => ({ name, cron })),
    required_scopes: [...new Set([...registry.tools.values()].flatMap((t) => t.scopes))].sort(),
    panels: [],
  };
  const iconSize = o.icon ? fileSize(resolve(options.baseDir ?? process.cwd(), o.icon)) : undefined;
  if (iconSize !== undefined) manifest.icon_size_bytes = iconSize;
  if (registry.webhooks.size > 0) {
    manifest.webhooks = declarationOrder(registry.webhooks.values()).map((w) => ({ path: w.path, method: w.method, secret_header: w.secretHeader }));
  }
  if (registry.eventHandlers.length > 0 || registry.emits.length > 0) {
    manifest.events = {
      subscribes: declarationOrder(registry.eventHandlers).map((h) => ({ type: h.eventType, handler: h.handlerName })),
      emits: registry.emits.map((e) => (e.schemaRef === undefined ? { type: e.eventType } : { type: e.eventType, schema_ref: e.schemaRef })),
    };
  }
  if (registry.exposed.size > 0) {
    manifest.exposed = declarationOrder(registry.exposed.values()).map((e) => ({ name: e.name, action_type: e.actionType }));
  }
  const lifecycle = lifecycleSection(ext);
  if (lifecycle) manifest.lifecycle = lifecycle;
  if (registry.lifecycle.size > 0) {
    manifest.lifecycle_hooks = {};
    for (const hook of declarationOrder(registry.lifecycle.values())) {
      // Python manifests carry the hook's Python signature; ours states how the
      // dispatcher calls the hook, in the same notation.
      manifest.lifecycle_hooks[hook.key] = { signature: hook.kind === 'on_upgrade' ? '(ctx, from_version=None)' : '(ctx)' };
    }
  }
  if (registry.trays.size > 0) {
    manifest.tray = declarationOrder(registry.trays.values()).map((t) => ({ tray_id: t.id, icon: t.icon, tooltip: t.tooltip, zone: t.zone, order: t.order }));
  }
  if (registry.menuItems.size > 0) manifest.menu = declarationOrder(registry.menuItems.values()).map(menuEntry);
  if (o.migrationsDir) manifest.migrations_dir = o.migrationsDir;
  if (Object.keys(o.configDefaults).length > 0) manifest.config_defaults = structuredClone(o.configDefaults) as Record<string, unknown>;
  if (registry.secrets.size > 0) manifest.secrets = [...registry.secrets.values()].map(secretEntry);
  if (registry.oauth.size > 0) {
    manifest.oauth = [...registry.oauth.values()].map((o) => ({
      provider: o.provider,
      ...(o.collection === undefined ? {} : { collection: o.collection }),
      scopes: [...o.scopes],
      has_hook: false,
    }));
  }
  if (registry.fileSinks.length > 0) {
    manifest.file_sinks = registry.fileSinks.map((f) => ({ tool: f.tool, accepts: [...f.accepts], arg: f.arg, arg_kind: f.argKind, description: f.description }));
  }
  manifest.panels = declarationOrder(registry.panels.values()).map(panelEntry);
  // `panels` is always present, after every optional section.
  const { panels, ...rest } = manifest;
  return { ...rest, panels };
}

/** Serialises a manifest as `imperal build` writes it: 2-space JSON, no trailing newline. */
export function manifestToJson(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2);
}

function toolEntry(tool: ToolRecord): ManifestTool {
  return { name: tool.name, description: tool.description, scopes: [...tool.scopes], parameters: toolParameters(tool.params?.jsonSchema) };
}

/** Plain tools describe their params in the legacy flat form `{name: {type, required}}`. */
function toolParameters(schema: JsonSchema | undefined): Record<string, ToolParameter> {
  const out: Record<string, ToolParameter> = {};
  if (!schema) return out;
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, property] of Object.entries(properties)) {
    out[name] = { type: parameterType(property), required: required.has(name) };
  }
  return out;
}

function parameterType(property: JsonSchema): ToolParameter['type'] {
  const types = Array.isArray(property.type) ? property.type : [property.type];
  const found = types.find((t) => typeof t === 'string' && t !== 'null' && PARAM_TYPES.has(t));
  return (found as ToolParameter['type'] | undefined) ?? 'string';
}

function functionEntry(fn: ChatFunctionRecord): ManifestFunction {
  return {
    name: fn.name,
    description: fn.description,
    action_type: fn.actionType,
    chain_callable: fn.chainCallable,
    effects: [...fn.effects],
    id_projection: fn.idProjection,
    params_schema: fn.paramsSchema,
    return_schema: fn.returnSchema,
    event: fn.event,
    background: fn.background,
    long_running: fn.longRunning,
    scopes: [],
    owner_chat_tool: fn.ownerChatTool,
  };
}

function lifecycleSection(ext: Extension): Record<string, unknown> | undefined {
  const { lifecycle, healthCheck } = ext.registry;
  if (lifecycle.size === 0 && !healthCheck) return undefined;
  const section: Record<string, unknown> = {};
  for (const kind of ['on_install', 'on_uninstall', 'on_enable', 'on_disable'] as const) {
    if (lifecycle.has(kind)) section[kind] = true;
  }
  const upgrades = [...lifecycle.values()].filter((h) => h.kind === 'on_upgrade').map((h) => h.version as string);
  // Plain string order, as the platform sorts them ("0.10.0" < "0.9.0").
  if (upgrades.length > 0) section.on_upgrade = upgrades.sort();
  if (healthCheck) section.health_check = { interval_sec: healthCheck.intervalSec };
  return section;
}

function secretEntry(secret: SecretRecord): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: secret.name,
    description: secret.description,
    required: secret.required,
    write_mode: secret.writeMode,
    max_bytes: secret.maxBytes,
    scope: secret.scope,
  };
  if (secret.rotationHintDays !== undefined) entry.rotation_hint_days = secret.rotationHintDays;
  if (secret.envFallback !== undefined) entry.env_fallback = secret.envFallback;
  return entry;
}

function menuEntry(item: MenuItemRecord): Record<string, unknown> {
  return {
    item_id: item.id,
    label: item.label,
    ...(item.icon ? { icon: item.icon } : {}),
    section: item.section,
    ...(item.path ? { path: item.path } : {}),
    order: item.order,
    ...(item.danger ? { danger: true } : {}),
  };
}

function panelEntry(panel: PanelRecord): Record<string, unknown> {
  return {
    panel_id: panel.id,
    slot: panel.slot,
    title: panel.title,
    // Panels render at runtime; a static tree is not part of the build.
    tree: {},
    icon: panel.icon,
    refresh: panel.refresh,
    center_overlay: panel.centerOverlay,
    ...panel.extra,
  };
}

function fileSize(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}
