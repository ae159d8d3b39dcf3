/**
 * `MockStore`: `ctx.store` over the in-memory store engine.
 *
 * @module
 */
import {
  checkQuery,
  checkSystemScan,
  getTarget,
  splitKey,
  type DocData,
  type QueryOptions,
  type StoreClient,
  type UpdateOptions,
  type Where,
} from '../../context/clients/store.js';
import { requireIntIn, requireObject, requireScanCollection, requireSegment } from '../../context/clients/checks.js';
import { Document } from '../../types/document.js';
import { Page } from '../../types/page.js';
import type { MockScope } from './scope.js';

/** In-memory `ctx.store` with the gateway's semantics (filters, ordering, cursors, etags). */
export class MockStore implements StoreClient {
  constructor(private readonly scope: MockScope) {}

  get #engine() {
    return this.scope.platform.store;
  }

  async create<T extends DocData>(collection: string, data: T): Promise<Document<T>> {
    requireSegment('collection', collection, 'tasks');
    requireObject('data', data);
    return Document.fromDict<T>({ ...this.#engine.create(this.scope, collection, data) });
  }

  async get<T extends DocData = DocData>(collectionOrKey: string, docId?: string): Promise<Document<T> | null> {
    const [collection, id] = getTarget(collectionOrKey, docId);
    requireSegment('collection', collection, 'tasks');
    requireSegment('id', id, 'a1b2c3');
    const d = this.#engine.get(this.scope, collection, id);
    return d ? Document.fromDict<T>({ ...d }) : null;
  }

  async update<T extends DocData = DocData>(collection: string, id: string, data: DocData, options?: UpdateOptions): Promise<Document<T>> {
    requireSegment('collection', collection, 'tasks');
    requireSegment('id', id, 'a1b2c3');
    requireObject('data', data);
    return Document.fromDict<T>({ ...this.#engine.update(this.scope, collection, id, data, options?.ifMatch) });
  }

  async delete(collection: string, id: string): Promise<boolean> {
    requireSegment('collection', collection, 'tasks');
    requireSegment('id', id, 'a1b2c3');
    return this.#engine.delete(this.scope, collection, id);
  }

  async query<T extends DocData = DocData>(collection: string, options: QueryOptions = {}): Promise<Page<Document<T>>> {
    requireSegment('collection', collection, 'tasks');
    const { limit } = checkQuery(options);
    const page = this.#engine.query(this.scope, collection, { where: options.where ?? {}, orderBy: options.orderBy ?? null, limit, cursor: options.cursor ?? null });
    return Page.of(
      page.data.map((d) => Document.fromDict<T>({ ...d })),
      { cursor: page.cursor, hasMore: page.has_more, total: page.total, fetchNext: (cursor) => this.query<T>(collection, { ...options, cursor }) },
    );
  }

  async count(collection: string, where: Where = {}): Promise<number> {
    requireSegment('collection', collection, 'tasks');
    return this.#engine.count(this.scope, collection, where);
  }

  async set<T extends DocData = DocData>(key: string, data: DocData): Promise<Document<T>> {
    const [collection, id] = splitKey(key);
    return (await this.get(collection, id)) ? this.update<T>(collection, id, data) : (this.create(collection, data) as Promise<Document<T>>);
  }

  async list(prefix: string): Promise<Document[]> {
    return (await this.query(prefix.split('/')[0] ?? '')).data;
  }

  async *listUsers(collection: string, options: { pageSize?: number } = {}): AsyncIterable<string> {
    checkSystemScan(this.scope.userId, 'listUsers');
    requireScanCollection(collection);
    const pageSize = requireIntIn('pageSize', options.pageSize ?? 500, 1, 10_000);
    let cursor: string | null = '0';
    while (cursor !== null) {
      const page = this.#engine.listUsers(this.scope, collection, cursor, pageSize);
      yield* page.user_ids;
      cursor = page.next_cursor;
    }
  }

  async queryAll(collection: string, options: { limit?: number } = {}): Promise<Document[]> {
    checkSystemScan(this.scope.userId, 'queryAll');
    requireScanCollection(collection);
    const limit = requireIntIn('limit', options.limit ?? 500, 1, 10_000);
    return this.#engine.all(this.scope, collection, limit).map((d) => Document.fromDict({ ...d }));
  }

  /** Test helper: creates `docs` in `collection` for the acting user; returns them. */
  async seed<T extends DocData>(collection: string, docs: readonly T[]): Promise<Document<T>[]> {
    const out: Document<T>[] = [];
    for (const d of docs) out.push(await this.create(collection, d));
    return out;
  }
}
