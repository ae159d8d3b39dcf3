/** Document, Event, Page, HealthStatus, WebhookRequest/Response: behaviour and wire forms. */
import { describe, expect, it } from 'vitest';
import { Document, Event, HealthStatus, Page, ValidationError, WebhookRequest, WebhookResponse } from '../../src/index.js';
import { schemaValidator } from '../helpers/reference.js';

describe('Document', () => {
  const validate = schemaValidator('schemas-v5/document.schema.json');

  it('wire form matches document.schema.json (v5, with etag) and round-trips', () => {
    const doc = new Document({ id: 'd1', collection: 'tasks', data: { title: 'Milk' }, etag: 'e1', userId: 'imp_u_1' });
    const dict = doc.toDict();
    expect(validate(dict)).toEqual([]);
    expect(Object.keys(dict)).toEqual(['id', 'collection', 'data', 'extension_id', 'tenant_id', 'created_at', 'updated_at', 'user_id', 'etag']);
    expect(Document.fromDict(dict as never).toDict()).toEqual(dict);
  });

  it('get() reads data with a fallback', () => {
    const doc = new Document({ id: 'd', collection: 'c', data: { a: 1 } as Record<string, unknown> });
    expect(doc.get('a')).toBe(1);
    expect(doc.get('missing', 'dflt')).toBe('dflt');
  });

  it('fromDict turns nulls into defaults', () => {
    const doc = Document.fromDict({ id: 'x', collection: 'c', data: null, created_at: null });
    expect(doc.data).toEqual({});
    expect(doc.createdAt).toBe('');
    expect(doc.tenantId).toBe('default');
  });
});

describe('Event', () => {
  const validate = schemaValidator('schemas/event.schema.json');

  it('wire form matches event.schema.json; optional envelope fields only when set', () => {
    const plain = new Event({ eventType: 'mail.received', data: { id: 1 } }).toDict();
    expect(validate(plain)).toEqual([]);
    expect(Object.keys(plain)).toEqual(['event_type', 'timestamp', 'user_id', 'tenant_id', 'data']);
    const full = new Event({ eventType: 'a.b', eventId: 'e', schemaVersion: 2, source: 'webhook' }).toDict();
    expect(validate(full)).toEqual([]);
    expect(full).toMatchObject({ event_id: 'e', schema_version: 2, source: 'webhook' });
  });

  it('fromDict accepts `type` as well as `event_type`', () => {
    expect(Event.fromDict({ type: 'x.y' }).eventType).toBe('x.y');
    expect(Event.fromDict({ event_type: 'x.z' }).type).toBe('x.z');
  });
});

describe('Page', () => {
  it('is iterable, has length, hasMore and cursor, and a wire form', () => {
    const page = Page.of([1, 2], { cursor: 'c2', hasMore: true, total: 5 });
    expect([...page]).toEqual([1, 2]);
    expect(page.length).toBe(2);
    expect(page.toDict()).toEqual({ data: [1, 2], cursor: 'c2', has_more: true, total: 5 });
  });

  it('for await walks every page through fetchNext', async () => {
    const calls: string[] = [];
    const fetchNext = async (cursor: string): Promise<Page<number>> => {
      calls.push(cursor);
      return cursor === 'p2' ? Page.of([3, 4], { cursor: 'p3', hasMore: true, fetchNext }) : Page.of([5], { fetchNext });
    };
    const first = Page.of([1, 2], { cursor: 'p2', hasMore: true, fetchNext });
    const all: number[] = [];
    for await (const n of first) all.push(n);
    expect(all).toEqual([1, 2, 3, 4, 5]);
    expect(calls).toEqual(['p2', 'p3']);
  });

  it('Page.paginate drives a fetch function until hasMore is false', async () => {
    const pages: Record<string, Page<string>> = { '': Page.of(['a'], { cursor: 'x', hasMore: true }), x: Page.of(['b'], { hasMore: false }) };
    const seen: string[] = [];
    for await (const item of Page.paginate(async () => pages['']!, async (cursor) => pages[cursor]!)) seen.push(item);
    expect(seen).toEqual(['a', 'b']);
  });

  it('next() is null on the last page; map keeps paging', async () => {
    const last = Page.of([1]);
    expect(await last.next()).toBeNull();
    const doubled = Page.of([1], { cursor: 'n', hasMore: true, fetchNext: async () => Page.of([2]) }).map((n) => n * 2);
    const all: number[] = [];
    for await (const n of doubled) all.push(n);
    expect(all).toEqual([2, 4]);
  });
});

describe('HealthStatus', () => {
  it('factories and wire form', () => {
    expect(HealthStatus.ok({ c: 1 }).toDict()).toEqual({ status: 'ok', message: '', details: { c: 1 } });
    expect(HealthStatus.degraded('slow').status).toBe('degraded');
    expect(HealthStatus.unhealthy('down').toDict()).toEqual({ status: 'unhealthy', message: 'down', details: {} });
  });
});

describe('WebhookRequest / WebhookResponse', () => {
  it('keeps raw bytes, lower-cases headers, decodes text and json', () => {
    const req = new WebhookRequest({ method: 'post', headers: { 'X-Sig': 'abc', Multi: ['a', 'b'] }, body: '{"a":1}', query: { q: '1' } });
    expect(req.method).toBe('POST');
    expect(req.header('x-sig')).toBe('abc');
    expect(req.headers.multi).toBe('a, b');
    expect(req.body).toBeInstanceOf(Uint8Array);
    expect(req.text()).toBe('{"a":1}');
    expect(req.json()).toEqual({ a: 1 });
  });

  it('json() on a non-JSON body raises a ValidationError on body', () => {
    expect(() => new WebhookRequest({ method: 'POST', body: 'nope' }).json()).toThrow(ValidationError);
  });

  it('responses have a flat wire form', () => {
    expect(WebhookResponse.ok().toDict()).toEqual({ status_code: 200, headers: {}, body: 'OK' });
    expect(WebhookResponse.error('bad').toDict()).toEqual({ status_code: 400, headers: {}, body: { error: 'bad' } });
    expect(WebhookResponse.json({ a: 1 }, 201).toDict()).toEqual({ status_code: 201, headers: { 'content-type': 'application/json' }, body: { a: 1 } });
  });
});
