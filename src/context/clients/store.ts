/**
 * `ctx.store`: the extension's document store, scoped to extension, tenant and
 * (for queries) the acting user.
 *
 * @module
 */
import { AuthError, InvalidResponseError, ValidationError } from '../../errors.js';
import { seg, type CallOptions, type GatewayReply, type WriteOptions } from '../../http/gateway.js';
import { Document } from '../../types/document.js';
import { Page } from '../../types/page.js';
import { SYSTEM_USER_ID } from '../identity.js';
import { requireIntIn, requireObject, requireScanCollection, requireSegment } from './checks.js';
import type { ClientScope } from './scope.js';

/** Upstream store timeout. */
const STORE_TIMEOUT_MS = 30_000;

/** Document data. */
export type DocData = Record<string, unknown>;

/**
 * A filter: every key must match. A plain value means equality; an object with
 * operators (`$eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists`) compares.
 */
export type Where = Readonly<Record<string, unknown>>;

/** Options of {@link StoreClient.query}. */
export interface QueryOptions extends CallOptions {
  readonly where?: Where;
  /** Field to sort by, `-field` for descending (`created_at`/`updated_at` sort by the document's timestamps). */
  readonly orderBy?: string | null;
  /** Page size, 1–1000 (default 100). */
  readonly limit?: number;
  /** Cursor of the page to read, from the previous page's `cursor`. */
  readonly cursor?: string | null;
}

/** Options of {@link StoreClient.update}. */
export interface UpdateOptions extends CallOptions {
  /** Only update if the document's etag still equals this (else `ConflictError`). */
  readonly ifMatch?: string;
}

/** The `ctx.store` interface, implemented by the gateway client and `MockStore`. */
export interface StoreClient {
  /** Creates a document; the store assigns its id. */
  create<T extends DocData>(collection: string, data: T, options?: WriteOptions): Promise<Document<T>>;
  /**
   * The document, or `null` when it does not exist. `get('notes/a1')` (one
   * `collection/id` key, as the platform SDK allows) is `get('notes', 'a1')`.
   */
  get<T extends DocData = DocData>(collection: string, id?: string, options?: CallOptions): Promise<Document<T> | null>;
  /** Shallow-merges `data` into the document; `NotFoundError` when it does not exist. */
  update<T extends DocData = DocData>(collection: string, id: string, data: DocData, options?: UpdateOptions): Promise<Document<T>>;
  /** Deletes the document; `false` when there was none. */
  delete(collection: string, id: string, options?: CallOptions): Promise<boolean>;
  /** One page of the acting user's documents; `for await` walks every page. */
  query<T extends DocData = DocData>(collection: string, options?: QueryOptions): Promise<Page<Document<T>>>;
  /** How many of the acting user's documents match. */
  count(collection: string, where?: Where, options?: CallOptions): Promise<number>;
  /** Updates `collection/id` when it exists, else creates a document in `collection` (with a new id). */
  set<T extends DocData = DocData>(key: string, data: DocData, options?: WriteOptions): Promise<Document<T>>;
  /** The first page (≤ 100) of the collection named by `prefix` up to its first `/`. */
  list(prefix: string, options?: CallOptions): Promise<Document[]>;
  /** Every user id with documents in `collection` (system context only). */
  listUsers(collection: string, options?: { pageSize?: number } & CallOptions): AsyncIterable<string>;
  /** Every document of every user in `collection`, up to `limit` (system context only). */
  queryAll(collection: string, options?: { limit?: number } & CallOptions): Promise<Document[]>;
}

/** Splits a `collection/id` key. */
export function splitKey(key: string): [collection: string, id: string] {
  const i = key.indexOf('/');
  if (i <= 0 || i === key.length - 1) {
    throw new ValidationError('key', `'${key}' must look like 'collection/id'`);
  }
  return [key.slice(0, i), key.slice(i + 1)];
}

/** The collection and id of a `get`: both given, or one `collection/id` key. */
export function getTarget(collection: string, id: string | undefined): [collection: string, id: string] {
  return id === undefined ? splitKey(collection) : [collection, id];
}

/** Checks shared by the real client and the mock for the system-only scans. */
export function checkSystemScan(userId: string, method: string): void {
  if (userId !== SYSTEM_USER_ID) {
    throw new AuthError(`ctx.store.${method}() reads every user's data and is only allowed in system context (schedules); use ctx.store.query() for the current user`);
  }
}

/** Default and bounds of a query page. */
export function checkQuery(options: QueryOptions): { limit: number } {
  const limit = options.limit ?? 100;
  requireIntIn('limit', limit, 1, 1000);
  return { limit };
}

/** `ctx.store` over the gateway's `/v1/internal/store` API. */
export class GatewayStoreClient implements StoreClient {
  constructor(private readonly scope: ClientScope) {}

  async create<T extends DocData>(collection: string, data: T, options?: WriteOptions): Promise<Document<T>> {
    requireSegment('collection', collection, 'tasks');
    requireObject('data', data);
    const s = this.scope;
    const reply = await s.http.call({
      what: 'store.create',
      method: 'POST',
      path: '/v1/internal/store',
      headers: this.#headers(),
      json: { collection, data, user_id: s.userId, extension_id: s.extensionId, tenant_id: s.tenantId },
      timeoutMs: STORE_TIMEOUT_MS,
      options,
    });
    return this.#doc<T>(collection, reply.object(), data);
  }

  async get<T extends DocData = DocData>(collectionOrKey: string, docId?: string, options?: CallOptions): Promise<Document<T> | null> {
    const [collection, id] = getTarget(collectionOrKey, docId);
    const reply = await this.#byId('store.get', 'GET', collection, id, options);
    return reply.status === 404 ? null : this.#doc<T>(collection, reply.object());
  }

  async update<T extends DocData = DocData>(collection: string, id: string, data: DocData, options?: UpdateOptions): Promise<Document<T>> {
    requireSegment('collection', collection, 'tasks');
    requireSegment('id', id, 'a1b2c3');
    requireObject('data', data);
    const s = this.scope;
    const body: Record<string, unknown> = { data, extension_id: s.extensionId, tenant_id: s.tenantId };
    if (options?.ifMatch) body.if_match = options.ifMatch;
    const reply = await s.http.call({
      what: 'store.update',
      resource: ['document', `${collection}/${id}`],
      method: 'PATCH',
      path: `/v1/internal/store/${seg(collection, 'collection')}/${seg(id, 'id')}`,
      headers: this.#headers(),
      json: body,
      timeoutMs: STORE_TIMEOUT_MS,
      options,
    });
    return this.#doc<T>(collection, reply.object(), data as T);
  }

  async delete(collection: string, id: string, options?: CallOptions): Promise<boolean> {
    return (await this.#byId('store.delete', 'DELETE', collection, id, options)).status !== 404;
  }

  /** GET/DELETE of one document (404 handed back to the caller). */
  #byId(what: string, method: 'GET' | 'DELETE', collection: string, id: string, options?: CallOptions): Promise<GatewayReply> {
    requireSegment('collection', collection, 'tasks');
    requireSegment('id', id, 'a1b2c3');
    return this.scope.http.call({
      what,
      method,
      path: `/v1/internal/store/${seg(collection, 'collection')}/${seg(id, 'id')}`,
      query: this.#scopeQuery(),
      headers: this.#headers(),
      timeoutMs: STORE_TIMEOUT_MS,
      accept: [404],
      options,
    });
  }

  async query<T extends DocData = DocData>(collection: string, options: QueryOptions = {}): Promise<Page<Document<T>>> {
    requireSegment('collection', collection, 'tasks');
    const { limit } = checkQuery(options);
    const s = this.scope;
    // `cursor` is sent only when paging on, so a first-page request is byte-identical to the platform's own SDK.
    const body: Record<string, unknown> = {
      where: options.where ?? {},
      order_by: options.orderBy ?? null,
      limit,
      ...(options.cursor ? { cursor: options.cursor } : {}),
      extension_id: s.extensionId,
      user_id: s.userId,
      tenant_id: s.tenantId,
    };
    const reply = await s.http.call({
      what: 'store.query',
      method: 'POST',
      path: `/v1/internal/store/${seg(collection, 'collection')}/query`,
      headers: this.#headers(),
      json: body,
      timeoutMs: STORE_TIMEOUT_MS,
      readOnly: true,
      accept: [404],
      options,
    });
    const fetchNext = (cursor: string): Promise<Page<Document<T>>> => this.query<T>(collection, { ...options, cursor });
    if (reply.status === 404) return Page.of<Document<T>>([]);
    const raw = reply.json();
    if (Array.isArray(raw)) return Page.of(raw.map((d) => this.#doc<T>(collection, d as Record<string, unknown>)));
    if (raw === null || typeof raw !== 'object') throw new InvalidResponseError('store.query: expected a page object', reply.status);
    const obj = raw as { data?: unknown; cursor?: unknown; has_more?: unknown; total?: unknown };
    const items = Array.isArray(obj.data) ? obj.data : [];
    return Page.of(
      items.map((d) => this.#doc<T>(collection, d as Record<string, unknown>)),
      {
        cursor: typeof obj.cursor === 'string' ? obj.cursor : null,
        hasMore: obj.has_more === true,
        total: typeof obj.total === 'number' ? obj.total : null,
        fetchNext,
      },
    );
  }

  async count(collection: string, where: Where = {}, options?: CallOptions): Promise<number> {
    requireSegment('collection', collection, 'tasks');
    const s = this.scope;
    const reply = await s.http.call({
      what: 'store.count',
      method: 'POST',
      path: `/v1/internal/store/${seg(collection, 'collection')}/count`,
      headers: this.#headers(),
      json: { where, extension_id: s.extensionId, user_id: s.userId, tenant_id: s.tenantId },
      timeoutMs: STORE_TIMEOUT_MS,
      readOnly: true,
      accept: [404],
      options,
    });
    if (reply.status === 404) return 0;
    const n = reply.object().count;
    return typeof n === 'number' ? n : 0;
  }

  async set<T extends DocData = DocData>(key: string, data: DocData, options?: WriteOptions): Promise<Document<T>> {
    const [collection, id] = splitKey(key);
    // The lookup is a plain GET: the idempotency key belongs to the write that follows.
    const { idempotencyKey: _key, ...readOptions } = options ?? {};
    const existing = await this.get(collection, id, readOptions);
    return existing ? this.update<T>(collection, id, data, options) : (this.create(collection, data, options) as Promise<Document<T>>);
  }

  async list(prefix: string, options?: CallOptions): Promise<Document[]> {
    const collection = prefix.split('/')[0] ?? '';
    return (await this.query(collection, { ...options })).data;
  }

  async *listUsers(collection: string, options: { pageSize?: number } & CallOptions = {}): AsyncIterable<string> {
    checkSystemScan(this.scope.userId, 'listUsers');
    requireScanCollection(collection);
    const pageSize = requireIntIn('pageSize', options.pageSize ?? 500, 1, 10_000);
    let cursor: string | null = '0';
    while (cursor !== null) {
      const reply = await this.scope.http.call({
        what: 'store.listUsers',
        method: 'GET',
        path: `/v1/internal/store/${seg(collection, 'collection')}/list_users`,
        query: { ...this.#scopeQuery(), cursor, limit: pageSize },
        headers: this.#headers(),
        timeoutMs: STORE_TIMEOUT_MS,
        options,
      });
      const body = reply.object();
      if (!Array.isArray(body.user_ids) || !body.user_ids.every((u) => typeof u === 'string')) {
        throw new InvalidResponseError('store.listUsers: expected { user_ids: string[], next_cursor }', reply.status);
      }
      yield* body.user_ids as string[];
      cursor = typeof body.next_cursor === 'string' ? body.next_cursor : null;
    }
  }

  async queryAll(collection: string, options: { limit?: number } & CallOptions = {}): Promise<Document[]> {
    checkSystemScan(this.scope.userId, 'queryAll');
    requireScanCollection(collection);
    const limit = requireIntIn('limit', options.limit ?? 500, 1, 10_000);
    const reply = await this.scope.http.call({
      what: 'store.queryAll',
      method: 'GET',
      path: `/v1/internal/store/${seg(collection, 'collection')}/all`,
      query: { ...this.#scopeQuery(), limit },
      headers: this.#headers(),
      timeoutMs: STORE_TIMEOUT_MS,
      options,
    });
    const raw = reply.json();
    const items = Array.isArray(raw) ? raw : [];
    return items.map((d) => this.#doc(collection, d as Record<string, unknown>));
  }

  #headers(): Record<string, string> {
    return { ...this.scope.service(), 'x-extension-id': this.scope.extensionId, 'x-tenant-id': this.scope.tenantId };
  }

  #scopeQuery(): Record<string, string> {
    return { extension_id: this.scope.extensionId, tenant_id: this.scope.tenantId };
  }

  /** Builds a Document from a gateway answer; `sent` is used when the answer omits `data`. */
  #doc<T extends DocData>(collection: string, raw: Record<string, unknown>, sent?: T): Document<T> {
    if (typeof raw.id !== 'string' || raw.id === '') {
      throw new InvalidResponseError('store: the gateway answered without a document id', 200);
    }
    const data = 'data' in raw ? raw.data : sent;
    const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    return new Document<T>({
      id: raw.id,
      collection,
      data: (data && typeof data === 'object' ? data : {}) as T,
      extensionId: text(raw.extension_id) ?? this.scope.extensionId,
      tenantId: text(raw.tenant_id) ?? this.scope.tenantId,
      createdAt: text(raw.created_at) ?? '',
      updatedAt: text(raw.updated_at) ?? '',
      userId: text(raw.user_id) ?? '',
      etag: text(raw.etag) ?? '',
    });
  }
}
