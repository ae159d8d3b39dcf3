/**
 * `Extension`: the object an extension module exports. Its methods register
 * tools, panels, skeletons, schedules, webhooks, events, exposed methods,
 * lifecycle hooks, a health check, secrets and cache models into one
 * {@link Registry}; {@link Extension.manifest} turns that registry into `imperal.json`.
 *
 * @module
 */
import { RegistrationError, SecretDeclarationConflict } from '../errors.js';
import {
  APP_ID_PATTERN,
  IDENTIFIER_PATTERN,
  SECRET_NAME_PATTERN,
  TRAY_ID_PATTERN,
  VERSION_PATTERN,
  WEBHOOK_PATH_PATTERN,
  normaliseWebhookPath,
  requireCron,
  requireIntegerIn,
  requireName,
  requireOneOf,
  requirePattern,
  requireScopes,
  requireText,
} from './checks.js';
import { passthroughRegistrar, registrar, requireCalled, type Registrar } from './decorate.js';
import type { AnyFunction, ZeroArgClass } from './handler-ref.js';
import type {
  EventHandler,
  ExposedHandler,
  HealthHandler,
  LifecycleHandler,
  SkeletonHandler,
  SystemHandler,
  ToolHandler,
  UIHandler,
  WebhookHandler,
} from './handlers.js';
import { buildManifest, manifestToJson, type Manifest, type ManifestOptions } from './manifest.js';
import type {
  EmitsOptions,
  ExposeOptions,
  ExtensionOptions,
  FileSinkSpec,
  MenuItemOptions,
  OAuthOptions,
  HealthCheckOptions,
  OnEventOptions,
  PanelOptions,
  ParamsOf,
  ResolvedExtensionOptions,
  SecretSpec,
  SkeletonOptions,
  ToolOptions,
  TrayOptions,
  WebhookOptions,
  WidgetOptions,
} from './options.js';
import { MENU_SECTIONS, PANEL_SLOTS, TRAY_ZONES, type FileSinkRecord, type LifecycleKind, type OAuthRecord, type SecretRecord, type ToolRecord } from './records.js';

export type { ExtensionOptions, ResolvedExtensionOptions } from './options.js';
import { Registry } from './registry.js';
import { compileSchema, type CompiledSchema, type SchemaLike } from './schema.js';
import { secretsPanelHandler } from './secrets-panel.js';
import type { FunctionMap, UntypedFunctions } from './typed-functions.js';

// Panel manifest keys the generator writes from typed options; `extra` may not replace them.
const PANEL_OWNED_KEYS = new Set(['panel_id', 'slot', 'title', 'tree', 'icon', 'refresh', 'center_overlay', 'default_width', 'min_width', 'max_width']);

const SNAKE = /[A-Z]/g;
const toSnake = (key: string): string => key.replace(SNAKE, (c) => `_${c.toLowerCase()}`);

/**
 * An Imperal extension: the registry every registration writes to.
 *
 * @typeParam F - optional compile-time map of its chat functions (name → handler
 *   type or `{ params, data }`), read by the typed tester; `new Extension('x')` leaves it untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export class Extension<F extends FunctionMap = UntypedFunctions> {
  /** Type-only: the declared function map (never set at run time). */
  declare readonly '~functions'?: F;
  /** The app id, e.g. `tasks-mini`. */
  readonly appId: string;
  /** The extension's semver. */
  readonly version: string;
  /** Constructor options with defaults applied. */
  readonly options: ResolvedExtensionOptions;
  /** Every registration, in order. */
  readonly registry = new Registry();
  readonly #instances = new WeakMap<ZeroArgClass, object>();

  constructor(appId: string, options: ExtensionOptions = {}) {
    const subject = `new Extension(${JSON.stringify(appId)})`;
    requirePattern(subject, 'app id', appId, APP_ID_PATTERN, "use 2+ lowercase letters, digits and hyphens, e.g. 'tasks-mini'", 'V1');
    const version = options.version ?? '0.1.0';
    requirePattern(subject, 'version', version, VERSION_PATTERN, "use semver, e.g. '1.0.0' or '1.0.0-rc.1'", 'V2');
    this.appId = appId;
    this.version = version;
    this.options = Object.freeze({
      displayName: options.displayName ?? '',
      description: options.description ?? '',
      icon: options.icon ?? '',
      actionsExplicit: options.actionsExplicit ?? true,
      system: options.system ?? false,
      capabilities: Object.freeze([...(options.capabilities ?? [])]),
      migrationsDir: options.migrationsDir,
      configDefaults: Object.freeze({ ...options.configDefaults }),
      hiddenInSidebar: options.hiddenInSidebar ?? false,
    });
    if (this.options.hiddenInSidebar && !this.options.system) {
      throw new RegistrationError(subject, 'hiddenInSidebar is only allowed for system extensions', 'drop hiddenInSidebar, or set system: true (first-party extensions)');
    }
  }

  /** Registers a raw tool the kernel and automations can call by name. */
  tool<S extends SchemaLike | undefined = undefined>(name: string, options: ToolOptions<S> = {}): Registrar<ToolHandler<ParamsOf<S>>> {
    requireCalled("@ext.tool('<name>', { … })", arguments);
    const subject = `@ext.tool('${name}')`;
    requirePattern(subject, 'tool name', name, IDENTIFIER_PATTERN, "use letters, digits and '_', not starting with a digit");
    requireScopes(subject, options.scopes ?? []);
    const params = this.#compileParams(subject, options.params);
    return registrar(subject, (handler) =>
      this.registry.addTool(
        { kind: 'tool', name, description: options.description ?? '', scopes: [...(options.scopes ?? [])], params, handler },
        subject,
      ),
    );
  }

  /** Registers a UI panel; the handler returns a `ui.*` node. */
  panel<S extends SchemaLike | undefined = undefined>(id: string, options: PanelOptions<S> = {}): Registrar<UIHandler<ParamsOf<S>>> {
    requireCalled("@ext.panel('<id>', { … })", arguments);
    const subject = `@ext.panel('${id}')`;
    requireName(subject, 'panel id', id, "name the panel, e.g. 'sidebar'");
    const slot = requireOneOf(subject, 'slot', options.slot ?? 'center', PANEL_SLOTS, "use slot 'center' ('main' was removed in SDK 3.4.0) or another listed slot", 'PANEL-SLOT-1');
    const extra: Record<string, unknown> = {};
    for (const key of ['defaultWidth', 'minWidth', 'maxWidth'] as const) {
      const value = options[key];
      if (value !== undefined) extra[toSnake(key)] = requireIntegerIn(subject, key, value, 0, Number.MAX_SAFE_INTEGER);
    }
    for (const [key, value] of Object.entries(options.extra ?? {})) {
      if (PANEL_OWNED_KEYS.has(key)) {
        throw new RegistrationError(subject, `extra.${key} would overwrite what the panel options set`, 'set it with the typed option (slot, title, icon, refresh, centerOverlay, defaultWidth …) instead');
      }
      extra[key] = value;
    }
    const params = this.#compileParams(subject, options.params);
    return registrar(subject, (handler) =>
      this.registry.addPanel(
        {
          id,
          slot,
          title: options.title ?? '',
          icon: options.icon ?? '',
          refresh: options.refresh ?? 'manual',
          centerOverlay: options.centerOverlay ?? false,
          extra,
          params,
          handler,
        },
        subject,
      ),
    );
  }

  /** Registers a dashboard widget (not part of the manifest). */
  widget(id: string, options: WidgetOptions = {}): Registrar<UIHandler<Record<string, unknown>>> {
    requireCalled("@ext.widget('<id>')", arguments);
    const subject = `@ext.widget('${id}')`;
    requireName(subject, 'widget id', id, "name the widget, e.g. 'stats'");
    return registrar(subject, (handler) =>
      this.registry.addWidget(
        { id, slot: options.slot ?? 'dashboard.stats', label: options.label ?? '', icon: options.icon ?? '', handler },
        subject,
      ),
    );
  }

  /** Registers a tray item; the handler returns a UI node (often a `ui.Badge`). */
  tray(id: string, options: TrayOptions = {}): Registrar<UIHandler<Record<string, unknown>>> {
    requireCalled("@ext.tray('<id>')", arguments);
    const subject = `@ext.tray('${id}')`;
    requirePattern(subject, 'tray id', id, TRAY_ID_PATTERN, "use 2+ chars: a lowercase letter, then lowercase letters, digits, '_' or '-'");
    const zone = requireOneOf(subject, 'zone', options.zone ?? 'status', TRAY_ZONES);
    const order = requireIntegerIn(subject, 'order', options.order ?? 100, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return registrar(subject, (handler) =>
      this.registry.addTray({ id, icon: options.icon ?? 'Circle', tooltip: options.tooltip ?? '', zone, order, handler }, subject),
    );
  }

  /** Registers a skeleton section: the refresh tool `skeleton_refresh_<section>` feeding the LLM's context. */
  skeleton(section: string, options: SkeletonOptions = {}): Registrar<SkeletonHandler> {
    requireCalled("@ext.skeleton('<section>')", arguments);
    const subject = `@ext.skeleton('${section}')`;
    requireText(subject, 'section name', section, "name the section, e.g. 'inbox'");
    if (/[*?[\]:/]/.test(section)) {
      throw new RegistrationError(subject, `section name '${section}' must not contain wildcard/separator characters (* ? [ ] : /)`, "use letters, digits and '_'");
    }
    requirePattern(subject, 'section name', section, /^[A-Za-z0-9_]+$/, "use letters, digits and '_' (it becomes part of the tool name)");
    const ttl = requireIntegerIn(subject, 'ttl', options.ttl ?? 300, 1, Number.MAX_SAFE_INTEGER);
    const description = options.description || `Skeleton refresh: ${section}`;
    return registrar(subject, (handler) => {
      const tool: ToolRecord = { kind: 'skeleton', name: `skeleton_refresh_${section}`, description, scopes: [], handler };
      this.registry.addSkeleton({ section, alert: options.alert ?? false, ttl, description, tool }, subject);
    });
  }

  /** Registers a cron job: `ext.schedule('nightly', '0 3 * * *')` or `{ cron }`. */
  schedule(name: string, cron: string | { cron: string }): Registrar<SystemHandler> {
    requireCalled("@ext.schedule('<name>', '<cron>')", arguments);
    const subject = `@ext.schedule('${name}')`;
    requireName(subject, 'schedule name', name, "name the schedule, e.g. 'nightly'");
    const expression = requireCron(subject, typeof cron === 'string' ? cron : cron?.cron);
    return registrar(subject, (handler) => this.registry.addSchedule({ name, cron: expression, handler }, subject));
  }

  /** Registers a named signal the kernel can raise. */
  signal(name: string): Registrar<SystemHandler> {
    requireCalled("@ext.signal('<name>')", arguments);
    const subject = `@ext.signal('${name}')`;
    requireName(subject, 'signal name', name, "name the signal, e.g. 'refresh'");
    return registrar(subject, (handler) => this.registry.addSignal({ name, handler }, subject));
  }

  /** Registers an inbound webhook at `path` (normalised to one leading `/` and no trailing one). */
  webhook(path: string, options: WebhookOptions = {}): Registrar<WebhookHandler> {
    requireCalled("@ext.webhook('/<path>')", arguments);
    const normalised = typeof path === 'string' ? normaliseWebhookPath(path) : path;
    const subject = `@ext.webhook('${path}')`;
    requirePattern(subject, 'path', normalised, WEBHOOK_PATH_PATTERN, "use lowercase letters, digits, '_', '-' and '/', e.g. '/stripe'");
    const method = requireOneOf(subject, 'method', options.method ?? 'POST', ['POST', 'GET', 'PUT', 'DELETE'] as const);
    return registrar(subject, (handler) =>
      this.registry.addWebhook({ path: normalised, method, secretHeader: options.secretHeader ?? '', handler }, subject),
    );
  }

  /** Subscribes to a platform event type. */
  onEvent(eventType: string, options: OnEventOptions = {}): Registrar<EventHandler> {
    requireCalled("@ext.onEvent('<event.type>')", arguments);
    const subject = `@ext.onEvent('${eventType}')`;
    requireName(subject, 'event type', eventType, "use a dotted event type, e.g. 'mail.received'");
    return registrar(subject, (handler) => {
      const handlerName = options.name || handler.name || `on_${eventType.replace(/\W/g, '_')}`;
      this.registry.addEventHandler({ eventType, handlerName, handler }, subject);
    });
  }

  /**
   * Declares an event this extension emits. A plain call; the returned decorator
   * registers nothing more, so `@ext.emits(...)` may also sit on the method that
   * emits it. Applied as a decorator, the declaration takes its place in
   * application order: stacked `@ext.emits(...)` list bottom-up, as in Python.
   */
  emits(eventType: string, options: EmitsOptions = {}): Registrar<AnyFunction> {
    requireCalled("@ext.emits('<app-id>.<thing>.<happened>')", arguments);
    const subject = `ext.emits('${eventType}')`;
    if (typeof eventType !== 'string' || !eventType.includes('.')) {
      throw new RegistrationError(subject, `event_type must be dotted, got '${eventType}'`, `name it '${this.appId}.<thing>.<happened>'`, 'M7.3');
    }
    if (!eventType.startsWith(`${this.appId}.`)) {
      throw new RegistrationError(
        subject,
        `event_type '${eventType}' must be prefixed by app_id '${this.appId}' (cross-namespace block)`,
        `name it '${this.appId}.${eventType}'`,
        'M7.3',
      );
    }
    this.registry.addEmits(options.schemaRef === undefined ? { eventType } : { eventType, schemaRef: options.schemaRef }, subject);
    return passthroughRegistrar(() => this.registry.moveEmitsLast(eventType));
  }

  /** Exposes a method other extensions may call with `ctx.extensions.call(appId, name, params)`. */
  expose<S extends SchemaLike | undefined = undefined>(name: string, options: ExposeOptions<S> = {}): Registrar<ExposedHandler<ParamsOf<S>>> {
    requireCalled("@ext.expose('<name>')", arguments);
    const subject = `@ext.expose('${name}')`;
    requireName(subject, 'method name', name, "name the method, e.g. 'count_notes'");
    const actionType = requireOneOf(subject, 'actionType', options.actionType ?? 'read', ['read', 'write'] as const);
    const params = this.#compileParams(subject, options.params);
    return registrar(subject, (handler) => this.registry.addExposed({ name, actionType, params, handler }, subject));
  }

  /** Runs once when a user installs the extension. */
  onInstall(): Registrar<LifecycleHandler> {
    requireCalled("@ext.onInstall()", arguments);
    return this.#lifecycle('on_install');
  }

  /** Runs when a user uninstalls the extension. */
  onUninstall(): Registrar<LifecycleHandler> {
    requireCalled("@ext.onUninstall()", arguments);
    return this.#lifecycle('on_uninstall');
  }

  /** Runs when the extension is enabled. */
  onEnable(): Registrar<LifecycleHandler> {
    requireCalled("@ext.onEnable()", arguments);
    return this.#lifecycle('on_enable');
  }

  /** Runs when the extension is disabled. */
  onDisable(): Registrar<LifecycleHandler> {
    requireCalled("@ext.onDisable()", arguments);
    return this.#lifecycle('on_disable');
  }

  /** Runs when an installation is upgraded to `version`; receives `{ fromVersion }`. */
  onUpgrade(version: string): Registrar<LifecycleHandler> {
    requireCalled("@ext.onUpgrade('<version>')", arguments);
    requirePattern(`@ext.onUpgrade('${version}')`, 'version', version, VERSION_PATTERN, "use the semver being upgraded to, e.g. '2.0.0'");
    return this.#lifecycle('on_upgrade', version);
  }

  /** Registers the health check the platform polls; return a `HealthStatus`. */
  healthCheck(options: HealthCheckOptions = {}): Registrar<HealthHandler> {
    requireCalled("@ext.healthCheck()", arguments);
    const subject = '@ext.healthCheck()';
    const intervalSec = requireIntegerIn(subject, 'intervalSec', options.intervalSec ?? 60, 30, Number.MAX_SAFE_INTEGER);
    return registrar(subject, (handler) => this.registry.setHealthCheck({ intervalSec, handler }, subject));
  }

  /**
   * Declares a secret the user (or the extension) stores in the platform vault;
   * read it with `ctx.secrets.get(name)`. The first declaration adds the built-in
   * `secrets` panel where users manage the values.
   */
  secret(spec: SecretSpec): SecretRecord {
    const subject = `ext.secret({ name: ${JSON.stringify(spec?.name)} })`;
    requirePattern(subject, 'name', spec?.name, SECRET_NAME_PATTERN, 'use snake_case starting with a letter, at most 63 chars');
    requireText(subject, 'description', spec.description, "describe the value: the secrets panel shows it to the user when they're entering it");
    const writeMode = requireOneOf(subject, 'writeMode', spec.writeMode ?? 'user', ['both', 'extension', 'user'] as const);
    const maxBytes = requireIntegerIn(subject, 'maxBytes', spec.maxBytes ?? 4096, 1, 65536);
    if (spec.rotationHintDays !== undefined) requireIntegerIn(subject, 'rotationHintDays', spec.rotationHintDays, 1, Number.MAX_SAFE_INTEGER);
    const scope = requireOneOf(subject, 'scope', spec.scope ?? 'user', ['user', 'app'] as const);
    if (spec.envFallback !== undefined) {
      requirePattern(subject, 'envFallback', spec.envFallback, /^IMPERAL_APPSECRET_[A-Z0-9_]+$/, "name an environment variable starting with IMPERAL_APPSECRET_, e.g. 'IMPERAL_APPSECRET_API_KEY'");
      if (scope !== 'app') throw new RegistrationError(subject, "envFallback is only allowed with scope: 'app'", "set scope: 'app' (one value for the installation), or drop envFallback");
    }
    if (this.registry.secrets.has(spec.name)) throw new SecretDeclarationConflict(spec.name, this.appId);
    const record: SecretRecord = Object.freeze({
      name: spec.name,
      description: spec.description,
      required: spec.required ?? false,
      writeMode,
      maxBytes,
      ...(spec.rotationHintDays === undefined ? {} : { rotationHintDays: spec.rotationHintDays }),
      scope,
      ...(spec.envFallback === undefined ? {} : { envFallback: spec.envFallback }),
    });
    this.registry.addSecret(record);
    if (!this.registry.panels.has('secrets')) this.#addSecretsPanel();
    return record;
  }

  /**
   * Registers a cache model: values stored with `ctx.cache.set(key, value, { model: name })`
   * are checked against `schema`. Returns the schema, so it can be declared inline.
   */
  cacheModel<S extends SchemaLike>(name: string, schema: S): S {
    const subject = `ext.cacheModel('${name}')`;
    requireName(subject, 'name', name, "name the model, e.g. 'inbox'");
    const compiled = compileSchema(schema, { subject, io: 'input', requireObject: false });
    this.registry.addCacheModel({ name, schema: compiled }, subject);
    return schema;
  }

  /** Adds an item to the user menu; clicking it calls the handler (the `__menu__<id>` tool). */
  menuItem(id: string, options: MenuItemOptions): Registrar<ToolHandler<Record<string, unknown>>> {
    requireCalled("@ext.menuItem('<id>', { label: '…' })", arguments);
    const subject = `@ext.menuItem('${id}')`;
    requirePattern(subject, 'menu item id', id, TRAY_ID_PATTERN, "use 2+ chars: a lowercase letter, then lowercase letters, digits, '_' or '-'");
    requireText(subject, 'label', options?.label, 'give the item a label');
    if (options.section === ('account' as never) || options.section === ('footer' as never)) {
      throw new RegistrationError(subject, `section '${options.section}' belongs to the platform`, "use section 'main' or 'admin'");
    }
    const section = requireOneOf(subject, 'section', options.section ?? 'main', MENU_SECTIONS);
    const order = requireIntegerIn(subject, 'order', options.order ?? 100, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return registrar(subject, (handler) =>
      this.registry.addMenuItem(
        { id, label: options.label, icon: options.icon ?? '', section, path: options.path ?? '', order, danger: options.danger ?? false, handler },
        subject,
      ),
    );
  }

  /**
   * Declares an OAuth connection (`google`, `microsoft`, …) the platform runs for
   * the extension, storing the tokens in `collection`. A plain call.
   */
  oauth(provider: string, options: OAuthOptions = {}): OAuthRecord {
    const subject = `ext.oauth('${provider}')`;
    requireText(subject, 'provider', provider, "name the provider, e.g. 'google'");
    if (options.collection !== undefined) {
      requirePattern(subject, 'collection', options.collection, /^[a-z][a-z0-9_]*$/, 'use a snake_case collection name, e.g. "oauth_tokens"');
    }
    const record: OAuthRecord = Object.freeze({
      provider,
      ...(options.collection === undefined ? {} : { collection: options.collection }),
      scopes: Object.freeze([...(options.scopes ?? [])]),
    });
    this.registry.addOAuth(record, subject);
    return record;
  }

  /**
   * Declares that `spec.tool` can receive uploaded files of the kinds in
   * `spec.accepts`; the assistant routes matching uploads to it. A plain call.
   */
  fileSink(spec: FileSinkSpec): FileSinkRecord {
    const subject = `ext.fileSink({ tool: ${JSON.stringify(spec?.tool)} })`;
    requirePattern(subject, 'tool', spec?.tool, /^[a-z][a-z0-9_]{0,62}$/, 'name a snake_case tool or chat function of this extension');
    if (!Array.isArray(spec.accepts) || spec.accepts.length === 0 || spec.accepts.some((a) => typeof a !== 'string' || a === '')) {
      throw new RegistrationError(subject, 'accepts must list at least one file kind', "list MIME types or extensions, e.g. ['application/pdf', '.csv']");
    }
    requireText(subject, 'arg', spec.arg, 'name the parameter the file goes into');
    const argKind = requireOneOf(subject, 'argKind', spec.argKind ?? 'text', ['text', 'file_id', 'bytes_ref'] as const);
    const description = spec.description ?? '';
    if (description.length > 200) throw new RegistrationError(subject, `description is ${description.length} chars`, 'keep it to 200 characters');
    const record: FileSinkRecord = Object.freeze({ tool: spec.tool, accepts: Object.freeze([...spec.accepts]), arg: spec.arg, argKind, description });
    this.registry.addFileSink(record, subject);
    return record;
  }

  /**
   * Binds instance methods registered with decorators to `target`: an instance, or
   * a class with a zero-argument constructor (instantiated once, on first call).
   *
   * @returns the number of handlers bound.
   */
  register(target: object): number {
    const isClass = typeof target === 'function';
    const proto = isClass ? (target as ZeroArgClass).prototype : target;
    let bound = 0;
    for (const ref of this.#handlerRefs()) {
      if (!ref.isInstanceMethod || (proto as Record<string, unknown>)[ref.name] !== ref.fn) continue;
      if (isClass) ref.bindFactory(() => this.#instanceOf(target as ZeroArgClass));
      else ref.bindInstance(target);
      bound++;
    }
    if (bound === 0) {
      const name = isClass ? (target as ZeroArgClass).name : target.constructor?.name;
      throw new RegistrationError(`ext.register(${name || 'target'})`, `it has no decorated instance methods registered on '${this.appId}'`, 'decorate its methods with this extension\'s registrations first, or register the right object');
    }
    return bound;
  }

  /** The `imperal.json` manifest (5.11 shape). */
  manifest(options: ManifestOptions = {}): Manifest {
    return buildManifest(this, options);
  }

  /** The manifest as deterministic 2-space JSON (no trailing newline), as `imperal build` writes it. */
  manifestJson(options: ManifestOptions = {}): string {
    return manifestToJson(this.manifest(options));
  }

  #compileParams(subject: string, schema: SchemaLike | undefined): CompiledSchema | undefined {
    return schema === undefined ? undefined : compileSchema(schema, { subject: `${subject} params`, io: 'input', requireObject: true });
  }

  #lifecycle(kind: LifecycleKind, version?: string): Registrar<LifecycleHandler> {
    const key = version === undefined ? kind : `${kind}:${version}`;
    const camel = kind.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const subject = `@ext.${camel}(${version === undefined ? '' : `'${version}'`})`;
    return registrar(subject, (handler) =>
      this.registry.addLifecycle(version === undefined ? { kind, key, handler } : { kind, key, version, handler }, subject),
    );
  }

  #addSecretsPanel(): void {
    registrar('secrets panel', (handler) =>
      this.registry.addPanel(
        { id: 'secrets', slot: 'right', title: 'Secrets', icon: 'KeyRound', refresh: 'manual', centerOverlay: false, extra: {}, handler },
        'secrets panel',
      ),
    )(secretsPanelHandler(this.registry.secrets));
  }

  #instanceOf(cls: ZeroArgClass): object {
    let instance = this.#instances.get(cls);
    if (!instance) {
      instance = new cls();
      this.#instances.set(cls, instance);
    }
    return instance;
  }

  *#handlerRefs() {
    const r = this.registry;
    const groups = [
      r.tools.values(),
      r.functions.values(),
      r.panels.values(),
      r.widgets.values(),
      r.trays.values(),
      r.menuItems.values(),
      r.schedules.values(),
      r.signals.values(),
      r.webhooks.values(),
      r.eventHandlers.values(),
      r.exposed.values(),
      r.lifecycle.values(),
    ];
    for (const group of groups) for (const record of group) yield record.handler;
    if (r.healthCheck) yield r.healthCheck.handler;
  }
}
