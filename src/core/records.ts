/**
 * The records an {@link Extension}'s registry holds: one per registration.
 *
 * Every registration style (standard decorator, legacy decorator, higher-order
 * call, plain `ext.*` call) produces exactly one of these; the manifest builder,
 * the validator and the dispatcher read nothing else.
 *
 * @module
 */
import type { CompiledSchema, JsonSchema } from './schema.js';
import type { HandlerRef } from './handler-ref.js';

/** How a chat function changes the world; the kernel gates `write`/`destructive` calls. */
export type ActionType = 'read' | 'write' | 'destructive';

/** Panel slots the panel host knows. */
export const PANEL_SLOTS = ['bottom', 'center', 'chat-sidebar', 'left', 'overlay', 'right'] as const;
/** A slot a panel can be mounted in. */
export type PanelSlot = (typeof PANEL_SLOTS)[number];

/** Tray zones the shell lays the tray out in. */
export const TRAY_ZONES = ['status', 'actions', 'system'] as const;
/** A tray zone. */
export type TrayZone = (typeof TRAY_ZONES)[number];

/** Lifecycle hook kinds (`on_upgrade` hooks are keyed by their target version). */
export type LifecycleKind = 'on_install' | 'on_uninstall' | 'on_enable' | 'on_disable' | 'on_upgrade';

/** Fields shared by every record that wraps a handler. */
export interface HandlerRecord {
  /** The registered function and how to call it (`this` binding for methods). */
  readonly handler: HandlerRef;
}

/** A raw tool (`ext.tool`) or a skeleton refresh tool (`ext.skeleton`). */
export interface ToolRecord extends HandlerRecord {
  readonly kind: 'tool' | 'skeleton';
  /** Tool name as it appears in `imperal.json` (`skeleton_refresh_<section>` for skeletons). */
  readonly name: string;
  readonly description: string;
  readonly scopes: readonly string[];
  /** The compiled params schema (`params.jsonSchema` is its input-side JSON Schema), if one was given. */
  readonly params?: CompiledSchema;
}

/** Skeleton section metadata (`ext.skeleton`). */
export interface SkeletonRecord {
  /** The section name (`skeleton_refresh_<section>` is the tool). */
  readonly section: string;
  readonly alert: boolean;
  /** Seconds the kernel keeps the refreshed value (defaults to 300). */
  readonly ttl: number;
  readonly description: string;
  /** The refresh tool this section runs. */
  readonly tool: ToolRecord;
}

/** A chat function (`chat.fn` / `chat.function`). */
export interface ChatFunctionRecord extends HandlerRecord {
  readonly name: string;
  readonly description: string;
  readonly actionType: ActionType;
  readonly chainCallable: boolean;
  readonly effects: readonly string[];
  readonly idProjection: string;
  readonly event: string;
  readonly background: boolean;
  readonly longRunning: boolean;
  /** The compiled params schema (absent only when the function takes no params). */
  readonly params?: CompiledSchema;
  /** JSON Schema of the params' input side; `{}` when the function takes no params. */
  readonly paramsSchema: JsonSchema;
  /** The compiled `returns:` schema, if one was given. */
  readonly returns?: CompiledSchema;
  /** JSON Schema of the `returns:` schema (validation side, as pydantic emits it), or `{}`. */
  readonly returnSchema: JsonSchema;
  /** The `toolName` of the ChatExtension that owns the function. */
  readonly ownerChatTool: string;
}

/** A UI panel (`ext.panel`). */
export interface PanelRecord extends HandlerRecord {
  readonly id: string;
  readonly slot: PanelSlot;
  readonly title: string;
  readonly icon: string;
  readonly refresh: string;
  readonly centerOverlay: boolean;
  /** Further panel metadata, already in wire (snake_case) form, in the order given. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** The compiled params schema, if one was given. */
  readonly params?: CompiledSchema;
}

/** A dashboard widget (`ext.widget`). Not part of the manifest. */
export interface WidgetRecord extends HandlerRecord {
  readonly id: string;
  readonly slot: string;
  readonly label: string;
  readonly icon: string;
}

/** A tray item (`ext.tray`). */
export interface TrayRecord extends HandlerRecord {
  readonly id: string;
  readonly icon: string;
  readonly tooltip: string;
  readonly zone: TrayZone;
  readonly order: number;
}

/** A cron schedule (`ext.schedule`). */
export interface ScheduleRecord extends HandlerRecord {
  readonly name: string;
  readonly cron: string;
}

/** A named signal (`ext.signal`). */
export interface SignalRecord extends HandlerRecord {
  readonly name: string;
}

/** HTTP methods a webhook may accept. */
export type WebhookMethod = 'POST' | 'GET' | 'PUT' | 'DELETE';

/** An inbound webhook (`ext.webhook`). */
export interface WebhookRecord extends HandlerRecord {
  /** Normalised path, always with a leading slash. */
  readonly path: string;
  readonly method: WebhookMethod;
  /** Header carrying the signature, `''` when none. */
  readonly secretHeader: string;
}

/** An event subscription (`ext.onEvent`). */
export interface EventHandlerRecord extends HandlerRecord {
  readonly eventType: string;
  /** Handler name as written to `events.subscribes[].handler`. */
  readonly handlerName: string;
}

/** A declared emitted event (`ext.emits`). */
export interface EmitsRecord {
  readonly eventType: string;
  readonly schemaRef?: string;
}

/** A method other extensions may call (`ext.expose`). */
export interface ExposedRecord extends HandlerRecord {
  readonly name: string;
  readonly actionType: 'read' | 'write';
  /** The compiled params schema, if one was given. */
  readonly params?: CompiledSchema;
}

/** A lifecycle hook (`ext.onInstall()` …, `ext.onUpgrade(version)`). */
export interface LifecycleRecord extends HandlerRecord {
  readonly kind: LifecycleKind;
  /** Target version, for `on_upgrade` hooks only. */
  readonly version?: string;
  /** Registry key: the kind, or `on_upgrade:<version>`. */
  readonly key: string;
}

/** The health check (`ext.healthCheck()`). */
export interface HealthCheckRecord extends HandlerRecord {
  readonly intervalSec: number;
}

/** Who may write a secret. */
export type SecretWriteMode = 'user' | 'extension' | 'both';

/** A declared secret (`ext.secret`). */
export interface SecretRecord {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly writeMode: SecretWriteMode;
  readonly maxBytes: number;
  readonly rotationHintDays?: number;
  /** `user`: one value per user; `app`: one value for the whole installation. */
  readonly scope: 'user' | 'app';
  /** App-scoped secrets: environment variable (`IMPERAL_APPSECRET_…`) read when no value is stored. */
  readonly envFallback?: string;
}

/** A cache model (`ext.cacheModel`). */
export interface CacheModelRecord {
  readonly name: string;
  /** The model's schema; cached values are parsed with it. */
  readonly schema: CompiledSchema;
}

/** Sections of the user menu an extension may add items to (`account` and `footer` belong to the platform). */
export const MENU_SECTIONS = ['main', 'admin'] as const;
/** A user-menu section. */
export type MenuSection = (typeof MENU_SECTIONS)[number];

/** A user-menu item (`ext.menuItem`); clicking it calls the `__menu__<id>` tool. */
export interface MenuItemRecord extends HandlerRecord {
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  readonly section: MenuSection;
  /** Where the item navigates, when it is a link. */
  readonly path: string;
  readonly order: number;
  /** Shown as a destructive action. */
  readonly danger: boolean;
}

/** An OAuth connection the platform runs for the extension (`ext.oauth`). */
export interface OAuthRecord {
  readonly provider: string;
  /** Store collection the tokens are kept in. */
  readonly collection?: string;
  readonly scopes: readonly string[];
}

/** How a file reaches a file-sink tool's argument. */
export type FileSinkArgKind = 'text' | 'file_id' | 'bytes_ref';

/** A declaration that a tool can receive uploaded files (`ext.fileSink`). */
export interface FileSinkRecord {
  /** The tool or chat function that receives the file. */
  readonly tool: string;
  /** File kinds, as MIME types or extensions (`application/pdf`, `.csv`). */
  readonly accepts: readonly string[];
  /** The parameter the file goes into. */
  readonly arg: string;
  readonly argKind: FileSinkArgKind;
  readonly description: string;
}
