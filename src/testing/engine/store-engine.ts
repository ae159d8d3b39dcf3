/**
 * The in-memory document store behind `MockStore` and the local gateway, so
 * both answer the same way. Documents live per tenant + extension +
 * collection, in one partition per user: queries, counts, gets, updates and
 * deletes see only the acting user's documents. The system user (`__system__`,
 * schedules) has its own partition like any user; cross-user work goes through
 * `listUsers` + `asUser` (or the system-only `all`). Every write gives a new etag.
 *
 * The local gateway cannot tell the acting user of a get, update or delete (the
 * 5.11 wire carries none there) and passes an empty `userId`, which means "any
 * partition" for those three calls.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { SYSTEM_USER_ID, WEBHOOK_USER_ID } from '../../context/identity.js';
import type { DocumentDict } from '../../types/document.js';
import { compileWhere, orderComparator } from './where.js';

/** Who is asking. */
export interface StoreScope {
  readonly tenantId: string;
  readonly extensionId: string;
  readonly userId: string;
}

/** A query as the gateway receives it. */
export interface EngineQuery {
  readonly where?: Readonly<Record<string, unknown>>;
  readonly orderBy?: string | null;
  readonly limit: number;
  readonly cursor?: string | null;
}

/** One page as the gateway answers it. */
export interface EnginePage {
  readonly data: DocumentDict[];
  readonly cursor: string | null;
  readonly has_more: boolean;
  readonly total: number;
}

interface Stored {
  readonly id: string;
  data: Record<string, unknown>;
  readonly userId: string;
  readonly createdAt: string;
  updatedAt: string;
  etag: string;
  readonly seq: number;
}

/** SHA-256 of the canonical (sorted-key) JSON of `data`. */
export function etagOf(data: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canon(x)])) : v;
  return createHash('sha256').update(JSON.stringify(canon(data))).digest('hex');
}

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new ValidationError('cursor', 'is not a cursor this store returned; pass the previous page.cursor');
  return Number(m[1]);
}

/** One stored document in a {@link StoreSnapshot}. */
export interface StoredDocumentState {
  readonly id: string;
  readonly data: Record<string, unknown>;
  readonly userId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The etag at save time (absent in older snapshots: recomputed). */
  readonly etag?: string;
}

/** Every document of a {@link StoreEngine}, as plain JSON (what `imperal dev` persists). */
export interface StoreSnapshot {
  readonly spaces: ReadonlyArray<{ readonly tenantId: string; readonly extensionId: string; readonly collection: string; readonly docs: readonly StoredDocumentState[] }>;
}

/** In-memory documents with the platform store's semantics. */
export class StoreEngine {
  readonly #spaces = new Map<string, Map<string, Stored>>();
  readonly #now: () => number;
  readonly #newId: () => string;
  #seq = 0;
  #writes = 0;

  constructor(options: { now?: () => number; newId?: () => string } = {}) {
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? (() => randomUUID().replace(/-/g, '').slice(0, 12));
  }

  #space(scope: StoreScope, collection: string, create = false): Map<string, Stored> | undefined {
    const key = `${scope.tenantId}\u0000${scope.extensionId}\u0000${collection}`;
    let space = this.#spaces.get(key);
    if (!space && create) this.#spaces.set(key, (space = new Map()));
    return space;
  }

  #dict(scope: StoreScope, collection: string, d: Stored): DocumentDict {
    return {
      id: d.id,
      collection,
      data: structuredClone(d.data),
      extension_id: scope.extensionId,
      tenant_id: scope.tenantId,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
      user_id: d.userId,
      etag: d.etag,
    };
  }

  #visible(scope: StoreScope, collection: string, where: Readonly<Record<string, unknown>> = {}): Stored[] {
    const matches = compileWhere(where);
    const out: Stored[] = [];
    for (const d of this.#space(scope, collection)?.values() ?? []) if (d.userId === scope.userId && matches(d.data)) out.push(d);
    return out;
  }

  /** The document `id` if the acting user may see it (an empty `userId`: the gateway, which cannot tell). */
  #own(scope: StoreScope, collection: string, id: string): Stored | undefined {
    const d = this.#space(scope, collection)?.get(id);
    return d && (scope.userId === '' || d.userId === scope.userId) ? d : undefined;
  }

  /** A fresh etag: the data's hash mixed with a write counter, so every write changes it. */
  #etag(data: unknown): string {
    return createHash('sha256').update(`${etagOf(data)}:${++this.#writes}`).digest('hex');
  }

  create(scope: StoreScope, collection: string, data: Record<string, unknown>): DocumentDict {
    const iso = new Date(this.#now()).toISOString();
    const copy = structuredClone(data);
    const doc: Stored = { id: this.#newId(), data: copy, userId: scope.userId, createdAt: iso, updatedAt: iso, etag: this.#etag(copy), seq: this.#seq++ };
    this.#space(scope, collection, true)!.set(doc.id, doc);
    return this.#dict(scope, collection, doc);
  }

  get(scope: StoreScope, collection: string, id: string): DocumentDict | null {
    const d = this.#own(scope, collection, id);
    return d ? this.#dict(scope, collection, d) : null;
  }

  /**
   * Shallow-merges `data`; {@link NotFoundError} when missing (or another user's), as
   * the platform answers 404 — never an upsert — and {@link ConflictError} when `ifMatch` is stale.
   */
  update(scope: StoreScope, collection: string, id: string, data: Record<string, unknown>, ifMatch?: string): DocumentDict {
    const d = this.#own(scope, collection, id);
    if (!d) throw new NotFoundError('document', `${collection}/${id}`);
    if (ifMatch && ifMatch !== d.etag) throw new ConflictError(`document '${collection}/${id}' changed since it was read`, ifMatch, d.etag);
    d.data = { ...d.data, ...structuredClone(data) };
    d.updatedAt = new Date(this.#now()).toISOString();
    d.etag = this.#etag(d.data);
    return this.#dict(scope, collection, d);
  }

  /** Replaces the whole data of a document (the dev playground's editor); {@link NotFoundError} when missing. */
  replace(scope: StoreScope, collection: string, id: string, data: Record<string, unknown>): DocumentDict {
    const d = this.#space(scope, collection)?.get(id);
    if (!d) throw new NotFoundError('document', `${collection}/${id}`);
    d.data = structuredClone(data);
    d.updatedAt = new Date(this.#now()).toISOString();
    d.etag = etagOf(d.data);
    return this.#dict(scope, collection, d);
  }

  delete(scope: StoreScope, collection: string, id: string): boolean {
    return this.#own(scope, collection, id) ? this.#space(scope, collection)!.delete(id) : false;
  }

  query(scope: StoreScope, collection: string, q: EngineQuery): EnginePage {
    let docs = this.#visible(scope, collection, q.where);
    if (q.orderBy) {
      const meta: Record<string, keyof Stored> = { created_at: 'createdAt', updated_at: 'updatedAt', id: 'id' };
      docs = docs.sort(orderComparator<Stored>(q.orderBy, (d, f) => (meta[f] ? d[meta[f]] : d.data[f])));
    }
    const offset = q.cursor ? decodeCursor(q.cursor) : 0;
    const page = docs.slice(offset, offset + q.limit);
    const next = offset + page.length;
    const hasMore = next < docs.length;
    return { data: page.map((d) => this.#dict(scope, collection, d)), cursor: hasMore ? encodeCursor(next) : null, has_more: hasMore, total: docs.length };
  }

  count(scope: StoreScope, collection: string, where?: Readonly<Record<string, unknown>>): number {
    return this.#visible(scope, collection, where).length;
  }

  /** Distinct (real) users owning documents in `collection`, in first-seen order, paged by an offset cursor. */
  listUsers(scope: StoreScope, collection: string, cursor: string, limit: number): { user_ids: string[]; next_cursor: string | null; truncated: boolean } {
    const owners = [...(this.#space(scope, collection)?.values() ?? [])].map((d) => d.userId);
    const users = [...new Set(owners.filter((u) => u !== SYSTEM_USER_ID && u !== WEBHOOK_USER_ID))];
    const offset = Number(cursor) || 0;
    const ids = users.slice(offset, offset + limit);
    const next = offset + ids.length;
    return { user_ids: ids, next_cursor: next < users.length ? String(next) : null, truncated: false };
  }

  /** Every document of every user, up to `limit`. */
  all(scope: StoreScope, collection: string, limit: number): DocumentDict[] {
    return [...(this.#space(scope, collection)?.values() ?? [])].slice(0, limit).map((d) => this.#dict(scope, collection, d));
  }

  /** Collections of a tenant + extension that hold at least one document, sorted. */
  collections(tenantId: string, extensionId: string): string[] {
    const head = `${tenantId}\u0000${extensionId}\u0000`;
    return [...this.#spaces.entries()].filter(([k, v]) => k.startsWith(head) && v.size > 0).map(([k]) => k.slice(head.length)).sort();
  }

  /** A JSON-safe copy of every document (insertion order kept). */
  exportState(): StoreSnapshot {
    const spaces = [...this.#spaces.entries()].map(([key, docs]) => {
      const [tenantId = '', extensionId = '', collection = ''] = key.split('\u0000');
      return {
        tenantId,
        extensionId,
        collection,
        docs: [...docs.values()].map((d) => ({ id: d.id, data: structuredClone(d.data), userId: d.userId, createdAt: d.createdAt, updatedAt: d.updatedAt, etag: d.etag })),
      };
    });
    return { spaces };
  }

  /** Replaces every document with those of `snapshot` (etags kept; recomputed for snapshots without them). */
  importState(snapshot: StoreSnapshot): void {
    this.#spaces.clear();
    for (const space of snapshot.spaces) {
      const map = this.#space({ tenantId: space.tenantId, extensionId: space.extensionId, userId: '' }, space.collection, true)!;
      for (const d of space.docs) {
        const data = structuredClone(d.data);
        map.set(d.id, { id: d.id, data, userId: d.userId, createdAt: d.createdAt, updatedAt: d.updatedAt, etag: d.etag ?? etagOf(data), seq: this.#seq++ });
      }
    }
  }
}
