/**
 * The registry of one extension: every record its registrations produced, in
 * registration order. Read by the manifest builder, the validator and the
 * dispatcher; written only by {@link Extension} and {@link ChatExtension}.
 *
 * @module
 */
import { RegistrationError } from '../errors.js';
import type {
  CacheModelRecord,
  ChatFunctionRecord,
  EmitsRecord,
  EventHandlerRecord,
  ExposedRecord,
  FileSinkRecord,
  HealthCheckRecord,
  LifecycleRecord,
  MenuItemRecord,
  OAuthRecord,
  PanelRecord,
  ScheduleRecord,
  SecretRecord,
  SignalRecord,
  SkeletonRecord,
  ToolRecord,
  TrayRecord,
  WebhookRecord,
  WidgetRecord,
} from './records.js';

/** A ChatExtension as the registry sees it. */
export interface ChatGroup {
  /** The chat tool name functions are grouped under (`owner_chat_tool`). */
  readonly toolName: string;
  readonly description: string;
  readonly systemPrompt: string;
  readonly maxRounds: number;
  /** Its functions, in registration order. */
  readonly functions: ReadonlyMap<string, ChatFunctionRecord>;
}

/** Adds `record` under `key`, refusing duplicates with a message that names both. */
function addUnique<K, V>(map: Map<K, V>, key: K, record: V, subject: string, what: string): void {
  if (map.has(key)) {
    throw new RegistrationError(subject, `${what} ${JSON.stringify(key)} is already registered`, `give each ${what} a unique name`);
  }
  map.set(key, record);
}

/** Everything an extension declared. Maps keep registration order. */
export class Registry {
  // Mutated only through the add* methods below, which apply the checks.
  readonly #tools = new Map<string, ToolRecord>();
  readonly #skeletons = new Map<string, SkeletonRecord>();
  readonly #chats: ChatGroup[] = [];
  readonly #functions = new Map<string, ChatFunctionRecord>();
  readonly #panels = new Map<string, PanelRecord>();
  readonly #widgets = new Map<string, WidgetRecord>();
  readonly #trays = new Map<string, TrayRecord>();
  readonly #schedules = new Map<string, ScheduleRecord>();
  readonly #signals = new Map<string, SignalRecord>();
  readonly #webhooks = new Map<string, WebhookRecord>();
  readonly #eventHandlers: EventHandlerRecord[] = [];
  readonly #emits: EmitsRecord[] = [];
  readonly #exposed = new Map<string, ExposedRecord>();
  readonly #lifecycle = new Map<string, LifecycleRecord>();
  #healthCheck: HealthCheckRecord | undefined;
  readonly #secrets = new Map<string, SecretRecord>();
  readonly #cacheModels = new Map<string, CacheModelRecord>();
  readonly #menuItems = new Map<string, MenuItemRecord>();
  readonly #oauth = new Map<string, OAuthRecord>();
  readonly #fileSinks: FileSinkRecord[] = [];

  /** Plain tools and skeleton refresh tools, by tool name. */
  get tools(): ReadonlyMap<string, ToolRecord> {
    return this.#tools;
  }

  /** Skeleton sections by section name. */
  get skeletons(): ReadonlyMap<string, SkeletonRecord> {
    return this.#skeletons;
  }

  /** ChatExtensions in creation order. */
  get chats(): readonly ChatGroup[] {
    return this.#chats;
  }

  /** Every chat function of every ChatExtension, by name (names are unique per extension). */
  get functions(): ReadonlyMap<string, ChatFunctionRecord> {
    return this.#functions;
  }

  /** Panels by id. */
  get panels(): ReadonlyMap<string, PanelRecord> {
    return this.#panels;
  }

  /** Widgets by id. */
  get widgets(): ReadonlyMap<string, WidgetRecord> {
    return this.#widgets;
  }

  /** Tray items by id. */
  get trays(): ReadonlyMap<string, TrayRecord> {
    return this.#trays;
  }

  /** Schedules by name. */
  get schedules(): ReadonlyMap<string, ScheduleRecord> {
    return this.#schedules;
  }

  /** Signals by name. */
  get signals(): ReadonlyMap<string, SignalRecord> {
    return this.#signals;
  }

  /** Webhooks by normalised path. */
  get webhooks(): ReadonlyMap<string, WebhookRecord> {
    return this.#webhooks;
  }

  /** Event subscriptions in registration order. */
  get eventHandlers(): readonly EventHandlerRecord[] {
    return this.#eventHandlers;
  }

  /** Declared emitted event types. */
  get emits(): readonly EmitsRecord[] {
    return this.#emits;
  }

  /** Exposed methods by name. */
  get exposed(): ReadonlyMap<string, ExposedRecord> {
    return this.#exposed;
  }

  /** Lifecycle hooks by key (`on_install`, `on_upgrade:2.0.0`, …). */
  get lifecycle(): ReadonlyMap<string, LifecycleRecord> {
    return this.#lifecycle;
  }

  /** The health check, if one is registered. */
  get healthCheck(): HealthCheckRecord | undefined {
    return this.#healthCheck;
  }

  /** Declared secrets by name. */
  get secrets(): ReadonlyMap<string, SecretRecord> {
    return this.#secrets;
  }

  /** Cache models by name. */
  get cacheModels(): ReadonlyMap<string, CacheModelRecord> {
    return this.#cacheModels;
  }

  /** User-menu items by id. */
  get menuItems(): ReadonlyMap<string, MenuItemRecord> {
    return this.#menuItems;
  }

  /** OAuth connections by provider. */
  get oauth(): ReadonlyMap<string, OAuthRecord> {
    return this.#oauth;
  }

  /** Declared file sinks. */
  get fileSinks(): readonly FileSinkRecord[] {
    return this.#fileSinks;
  }

  /** Adds a plain or skeleton tool. */
  addTool(record: ToolRecord, subject: string): void {
    if (this.#functions.has(record.name)) {
      throw new RegistrationError(subject, `tool '${record.name}' has the name of a chat function`, 'give tools and chat functions distinct names');
    }
    addUnique(this.#tools, record.name, record, subject, 'tool');
  }

  /** Adds a chat function (names are unique across all ChatExtensions and tools). */
  addFunction(group: Map<string, ChatFunctionRecord>, record: ChatFunctionRecord, subject: string): void {
    if (this.#tools.has(record.name)) {
      throw new RegistrationError(subject, `chat function '${record.name}' has the name of a tool`, 'give tools and chat functions distinct names');
    }
    addUnique(this.#functions, record.name, record, subject, 'chat function');
    group.set(record.name, record);
  }

  addSkeleton(record: SkeletonRecord, subject: string): void {
    addUnique(this.#skeletons, record.section, record, subject, 'skeleton section');
    this.addTool(record.tool, subject);
  }

  addPanel(record: PanelRecord, subject: string): void {
    addUnique(this.#panels, record.id, record, subject, 'panel');
  }

  addWidget(record: WidgetRecord, subject: string): void {
    addUnique(this.#widgets, record.id, record, subject, 'widget');
  }

  addTray(record: TrayRecord, subject: string): void {
    addUnique(this.#trays, record.id, record, subject, 'tray item');
  }

  addSchedule(record: ScheduleRecord, subject: string): void {
    addUnique(this.#schedules, record.name, record, subject, 'schedule');
  }

  addSignal(record: SignalRecord, subject: string): void {
    addUnique(this.#signals, record.name, record, subject, 'signal');
  }

  addWebhook(record: WebhookRecord, subject: string): void {
    addUnique(this.#webhooks, record.path, record, subject, 'webhook path');
  }

  addExposed(record: ExposedRecord, subject: string): void {
    addUnique(this.#exposed, record.name, record, subject, 'exposed method');
  }

  addLifecycle(record: LifecycleRecord, subject: string): void {
    if (this.#lifecycle.has(record.key)) {
      const fix = record.kind === 'on_upgrade' ? `register one upgrade hook per target version (${record.version})` : `register one ${record.kind} hook`;
      throw new RegistrationError(subject, `a ${record.key} hook is already registered`, fix);
    }
    this.#lifecycle.set(record.key, record);
  }

  /** Adds an event subscription; the same handler twice for one event type is refused. */
  addEventHandler(record: EventHandlerRecord, subject: string): void {
    if (this.#eventHandlers.some((h) => h.eventType === record.eventType && h.handler.fn === record.handler.fn)) {
      throw new RegistrationError(subject, `'${record.handlerName}' already handles '${record.eventType}'`, 'subscribe each handler to an event type once');
    }
    this.#eventHandlers.push(record);
  }

  /** Declares an emitted event type (once). */
  addEmits(record: EmitsRecord, subject: string): void {
    if (this.#emits.some((e) => e.eventType === record.eventType)) {
      throw new RegistrationError(subject, `'${record.eventType}' is already declared`, 'declare each emitted event type once');
    }
    this.#emits.push(record);
  }

  /**
   * Moves a declared emitted event type to the end of the list. `ext.emits()`
   * declares at call time and calls this when its decorator is applied, so
   * stacked `@ext.emits(...)` list in application order (bottom-up), as Python does.
   */
  moveEmitsLast(eventType: string): void {
    const index = this.#emits.findIndex((e) => e.eventType === eventType);
    if (index >= 0) this.#emits.push(...this.#emits.splice(index, 1));
  }

  /** Adds a file sink (one per tool). */
  addFileSink(record: FileSinkRecord, subject: string): void {
    if (this.#fileSinks.some((f) => f.tool === record.tool)) {
      throw new RegistrationError(subject, `tool '${record.tool}' already has a file sink`, 'declare one file sink per tool, listing every accepted kind in accepts');
    }
    this.#fileSinks.push(record);
  }

  /** Adds a ChatExtension (tool names are unique per extension). */
  addChat(group: ChatGroup, subject: string): void {
    if (this.#chats.some((c) => c.toolName === group.toolName)) {
      throw new RegistrationError(subject, `a ChatExtension with toolName '${group.toolName}' already exists`, 'give each ChatExtension its own toolName, or register the functions on the existing one');
    }
    this.#chats.push(group);
  }

  setHealthCheck(record: HealthCheckRecord, subject: string): void {
    if (this.#healthCheck) {
      throw new RegistrationError(subject, 'a health check is already registered', 'register one health check per extension');
    }
    this.#healthCheck = record;
  }

  /** Adds a declared secret (names are unique; the caller raises the specific conflict error). */
  addSecret(record: SecretRecord): void {
    this.#secrets.set(record.name, record);
  }

  addCacheModel(record: CacheModelRecord, subject: string): void {
    addUnique(this.#cacheModels, record.name, record, subject, 'cache model');
  }

  addMenuItem(record: MenuItemRecord, subject: string): void {
    addUnique(this.#menuItems, record.id, record, subject, 'menu item');
  }

  addOAuth(record: OAuthRecord, subject: string): void {
    addUnique(this.#oauth, record.provider, record, subject, 'OAuth provider');
  }
}
