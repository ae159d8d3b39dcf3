import { ValidationError } from '../errors.js';

/** The wire form of a store document (`document.schema.json`, keys in wire order). */
export interface DocumentDict {
  id: string;
  collection: string;
  data: Record<string, unknown>;
  extension_id: string;
  tenant_id: string;
  created_at: string;
  updated_at: string;
  user_id: string;
  etag: string;
}

/** Fields accepted by the {@link Document} constructor. */
export interface DocumentInit<T> {
  id: string;
  collection: string;
  data: T;
  extensionId?: string;
  tenantId?: string;
  createdAt?: string;
  updatedAt?: string;
  userId?: string;
  /** Compare-and-set token returned by the store. */
  etag?: string;
}

/**
 * One record of `ctx.store`.
 *
 * @typeParam T - the shape of `data`.
 */
export class Document<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Identifier within the collection. */
  readonly id: string;
  /** The collection it belongs to. */
  readonly collection: string;
  /** The stored fields. */
  readonly data: T;
  /** The owning extension (`''` when the store did not say). */
  readonly extensionId: string;
  /** The tenant (`default` unless set). */
  readonly tenantId: string;
  /** ISO-8601 creation time (`''` when unknown). */
  readonly createdAt: string;
  /** ISO-8601 time of the last update (`''` when unknown). */
  readonly updatedAt: string;
  /** The owning user (`''` when unknown). */
  readonly userId: string;
  /** Compare-and-set token for conditional updates (`''` when the store sent none). */
  readonly etag: string;

  /** A document from its fields (`DocumentInit`); unset optional fields get their defaults. */
  constructor(init: DocumentInit<T>) {
    this.id = init.id;
    this.collection = init.collection;
    this.data = init.data;
    this.extensionId = init.extensionId ?? '';
    this.tenantId = init.tenantId ?? 'default';
    this.createdAt = init.createdAt ?? '';
    this.updatedAt = init.updatedAt ?? '';
    this.userId = init.userId ?? '';
    this.etag = init.etag ?? '';
  }

  /** `data[key]`, or `fallback` when the key is absent. */
  get<K extends keyof T>(key: K): T[K] | undefined;
  get<K extends keyof T, D>(key: K, fallback: D): Exclude<T[K], undefined> | D;
  get(key: string, fallback?: unknown): unknown {
    return Object.prototype.hasOwnProperty.call(this.data, key) ? this.data[key] : fallback;
  }

  /** The wire form (snake_case keys, `document.schema.json`). */
  toDict(): DocumentDict {
    return {
      id: this.id,
      collection: this.collection,
      data: this.data,
      extension_id: this.extensionId,
      tenant_id: this.tenantId,
      created_at: this.createdAt,
      updated_at: this.updatedAt,
      user_id: this.userId,
      etag: this.etag,
    };
  }

  /** `JSON.stringify(doc)` yields the wire form. */
  toJSON(): DocumentDict {
    return this.toDict();
  }

  /**
   * Builds a document from its wire form; missing optional fields get their
   * defaults, nulls become `''`.
   *
   * @throws {@link ValidationError} when `dict` is not an object or lacks `id` or `collection`.
   */
  static fromDict<T extends Record<string, unknown> = Record<string, unknown>>(dict: Record<string, unknown>): Document<T> {
    if (dict === null || typeof dict !== 'object') throw new ValidationError('', 'a document must be an object');
    const text = (key: string): string | undefined => (typeof dict[key] === 'string' ? (dict[key] as string) : undefined);
    for (const key of ['id', 'collection'] as const) {
      if (!text(key)) throw new ValidationError(key, `a document needs a non-empty '${key}'`);
    }
    return new Document<T>({
      id: dict.id as string,
      collection: dict.collection as string,
      data: (dict.data && typeof dict.data === 'object' ? dict.data : {}) as T,
      extensionId: text('extension_id'),
      tenantId: text('tenant_id'),
      createdAt: text('created_at'),
      updatedAt: text('updated_at'),
      userId: text('user_id'),
      etag: text('etag'),
    });
  }
}
