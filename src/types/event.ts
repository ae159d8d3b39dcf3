import { ValidationError } from '../errors.js';
import { isPlainObject } from './json.js';

/** The values `event.schema.json` allows for `source`. */
export const EVENT_SOURCES = ['user', 'system', 'automation', 'rbac', 'mcp', 'webhook'] as const;
/** Who caused an event (`event.schema.json` `source`). */
export type EventSource = (typeof EVENT_SOURCES)[number];

/** The wire form of a platform event (`event.schema.json`, keys in wire order). */
export interface EventDict {
  event_type: string;
  timestamp: string;
  user_id: string;
  tenant_id: string;
  data: Record<string, unknown>;
  event_id?: string;
  schema_version?: number;
  source?: EventSource;
}

/** Fields accepted by the {@link Event} constructor. */
export interface EventInit<T> {
  eventType: string;
  data?: T;
  timestamp?: string;
  userId?: string;
  tenantId?: string;
  eventId?: string;
  schemaVersion?: number;
  source?: EventSource;
}

/**
 * A platform event, as `ext.onEvent` handlers receive it.
 *
 * @typeParam T - the shape of `data`.
 */
export class Event<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Dotted type, e.g. `mail.received`. */
  readonly eventType: string;
  /** The event's payload. */
  readonly data: T;
  /** ISO-8601 time it happened (`''` when unknown). */
  readonly timestamp: string;
  /** The user it concerns (`''` for system events). */
  readonly userId: string;
  /** The tenant it concerns (`''` when unknown). */
  readonly tenantId: string;
  /** Idempotency/dedup key, when the publisher set one. */
  readonly eventId: string | undefined;
  /** Breaking-change marker of the payload, when set. */
  readonly schemaVersion: number | undefined;
  /** Who caused it, when known. */
  readonly source: EventSource | undefined;

  /** An event from its fields. */
  constructor(init: EventInit<T>) {
    this.eventType = init.eventType;
    this.data = init.data ?? ({} as T);
    this.timestamp = init.timestamp ?? '';
    this.userId = init.userId ?? '';
    this.tenantId = init.tenantId ?? '';
    this.eventId = init.eventId;
    this.schemaVersion = init.schemaVersion;
    this.source = init.source;
  }

  /** Alias of {@link Event.eventType}, as some platform documents name it. */
  get type(): string {
    return this.eventType;
  }

  /** The wire form; optional envelope fields only when set. */
  toDict(): EventDict {
    const out: EventDict = {
      event_type: this.eventType,
      timestamp: this.timestamp,
      user_id: this.userId,
      tenant_id: this.tenantId,
      data: this.data,
    };
    if (this.eventId !== undefined) out.event_id = this.eventId;
    if (this.schemaVersion !== undefined) out.schema_version = this.schemaVersion;
    if (this.source !== undefined) out.source = this.source;
    return out;
  }

  /** `JSON.stringify(event)` yields the wire form. */
  toJSON(): EventDict {
    return this.toDict();
  }

  /**
   * Builds an event from its wire form (accepts `type` for `event_type`). Envelope
   * fields with values outside the schema (`source`, `schema_version`) are left out.
   *
   * @throws {@link ValidationError} when `dict` is not an object or has no event type.
   */
  static fromDict<T extends Record<string, unknown> = Record<string, unknown>>(dict: Record<string, unknown>): Event<T> {
    if (!isPlainObject(dict)) throw new ValidationError('', `an event must be an object, got ${dict === null ? 'null' : typeof dict}`);
    const text = (key: string): string | undefined => (typeof dict[key] === 'string' ? (dict[key] as string) : undefined);
    const eventType = text('event_type') ?? text('type');
    if (!eventType) throw new ValidationError('event_type', "an event needs a non-empty 'event_type'");
    const version = dict.schema_version;
    const source = text('source');
    return new Event<T>({
      eventType,
      data: (isPlainObject(dict.data) ? dict.data : {}) as T,
      timestamp: text('timestamp'),
      userId: text('user_id'),
      tenantId: text('tenant_id'),
      eventId: text('event_id'),
      schemaVersion: typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : undefined,
      source: source && (EVENT_SOURCES as readonly string[]).includes(source) ? (source as EventSource) : undefined,
    });
  }
}
