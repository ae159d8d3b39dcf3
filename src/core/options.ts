/**
 * The options every `Extension` registration accepts, camelCase in TypeScript
 * (the manifest builder writes their snake_case wire names).
 *
 * @module
 */
import type { FileSinkArgKind, MenuSection, PanelSlot, SecretWriteMode, TrayZone, WebhookMethod } from './records.js';
import type { InferSchema, SchemaLike } from './schema.js';

/** Options of `new Extension(appId, options)`. */
export interface ExtensionOptions {
  /** Semver of this extension (default `0.1.0`). */
  version?: string;
  /** Human-readable name shown in the marketplace (falls back to the app id). */
  displayName?: string;
  /** What the extension does, in a sentence or two (≥ 40 chars to pass `imperal validate`). */
  description?: string;
  /** Path to the SVG icon, relative to the extension folder. */
  icon?: string;
  /** Declares every write/destructive function chain-callable (default `true`). */
  actionsExplicit?: boolean;
  /** First-party system extension (reserved for Imperal). */
  system?: boolean;
  /** Capabilities the extension requests, e.g. `['tasks:read']`. */
  capabilities?: string[];
  /** Folder of store migrations. */
  migrationsDir?: string;
  /** Default configuration values (`ctx.config`). */
  configDefaults?: Record<string, unknown>;
  /** Keep the extension out of the sidebar (system extensions only). */
  hiddenInSidebar?: boolean;
}

/** {@link ExtensionOptions} with every default applied. */
export interface ResolvedExtensionOptions {
  readonly displayName: string;
  readonly description: string;
  readonly icon: string;
  readonly actionsExplicit: boolean;
  readonly system: boolean;
  readonly capabilities: readonly string[];
  readonly migrationsDir: string | undefined;
  readonly configDefaults: Readonly<Record<string, unknown>>;
  readonly hiddenInSidebar: boolean;
}

/** The params type a handler receives for an optional schema `S`. */
export type ParamsOf<S> = [S] extends [undefined] ? Record<string, unknown> : InferSchema<S>;

/** Options of `ext.tool(name, options)`. */
export interface ToolOptions<S extends SchemaLike | undefined = undefined> {
  description?: string;
  /** Scopes the tool needs, e.g. `['files:write']`; they feed `required_scopes`. */
  scopes?: string[];
  /** Params schema; its fields become the tool's `parameters`. */
  params?: S;
}

/** Options of `ext.panel(id, options)`. */
export interface PanelOptions<S extends SchemaLike | undefined = undefined> {
  /** Where the panel mounts (default `center`). */
  slot?: PanelSlot;
  title?: string;
  /** Icon name (lucide), e.g. `Package`. */
  icon?: string;
  /** `manual`, or `on_event:<event type>` to re-render when an event fires. */
  refresh?: string;
  /** Show a center panel as an overlay. */
  centerOverlay?: boolean;
  defaultWidth?: number;
  minWidth?: number;
  maxWidth?: number;
  /** Further panel metadata for the panel host, in wire (snake_case) form. */
  extra?: Record<string, unknown>;
  /** Params schema for what the panel host passes. */
  params?: S;
}

/** Options of `ext.widget(id, options)`. */
export interface WidgetOptions {
  /** Dashboard slot (default `dashboard.stats`). */
  slot?: string;
  label?: string;
  icon?: string;
}

/** Options of `ext.tray(id, options)`. */
export interface TrayOptions {
  /** Icon name (default `Circle`). */
  icon?: string;
  tooltip?: string;
  /** Tray group (default `status`). */
  zone?: TrayZone;
  /** Position within the zone (default 100). */
  order?: number;
}

/** Options of `ext.skeleton(section, options)`. */
export interface SkeletonOptions {
  /** Ask the kernel to alert when the section changes (add a `skeleton_alert_<section>` tool). */
  alert?: boolean;
  /** Seconds the refreshed value stays fresh (default 300). */
  ttl?: number;
  description?: string;
}

/** Options of `ext.webhook(path, options)`. */
export interface WebhookOptions {
  method?: WebhookMethod;
  /** Header carrying the signature, e.g. `Stripe-Signature`. */
  secretHeader?: string;
}

/** Options of `ext.onEvent(type, options)`. */
export interface OnEventOptions {
  /** Handler name written to the manifest (default: the function's name). */
  name?: string;
}

/** Options of `ext.emits(type, options)`. */
export interface EmitsOptions {
  /** Name of the schema describing the event's data. */
  schemaRef?: string;
}

/** Options of `ext.expose(name, options)`. */
export interface ExposeOptions<S extends SchemaLike | undefined = undefined> {
  actionType?: 'read' | 'write';
  params?: S;
}

/** Options of `ext.healthCheck(options)`. */
export interface HealthCheckOptions {
  /** How often the platform calls it (seconds, ≥ 30; default 60). */
  intervalSec?: number;
}

/** A secret declaration for `ext.secret(spec)`. */
export interface SecretSpec {
  /** snake_case name, ≤ 63 chars. */
  name: string;
  /** Shown to the user when they enter the value. */
  description: string;
  required?: boolean;
  /** Who may write the value (default `user`). */
  writeMode?: SecretWriteMode;
  /** Largest accepted value in bytes (1–65536, default 4096). */
  maxBytes?: number;
  /** Suggested rotation period in days. */
  rotationHintDays?: number;
  /** One value per user (default) or per installation. */
  scope?: 'user' | 'app';
  /** For `scope: 'app'`: environment variable (`IMPERAL_APPSECRET_…`) read when no value is stored. */
  envFallback?: string;
}

/** Options of `ext.menuItem(id, options)`. */
export interface MenuItemOptions {
  /** The item's text. */
  label: string;
  /** Icon name (lucide). */
  icon?: string;
  /** `main` (default) or `admin`. */
  section?: MenuSection;
  /** Where the item navigates, when it is a link rather than an action. */
  path?: string;
  /** Position within the section (default 100). */
  order?: number;
  /** Shown as a destructive action. */
  danger?: boolean;
}

/** Options of `ext.oauth(provider, options)`. */
export interface OAuthOptions {
  /** Store collection the tokens are kept in (snake_case). */
  collection?: string;
  /** Scopes requested from the provider. */
  scopes?: string[];
}

/** A declaration for `ext.fileSink(spec)`. */
export interface FileSinkSpec {
  /** The tool or chat function that receives the file. */
  tool: string;
  /** File kinds it accepts, as MIME types or extensions (at least one). */
  accepts: string[];
  /** The parameter the file goes into. */
  arg: string;
  /** `text` (default): the file's text; `file_id`: a storage id; `bytes_ref`: a reference to the bytes. */
  argKind?: FileSinkArgKind;
  /** When the assistant should route a file here (≤ 200 chars). */
  description?: string;
}
