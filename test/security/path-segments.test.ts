/**
 * Issue 10 item 2: values that would leave their URL segment (`..`, `.`, empty,
 * NUL, `/`) are refused with a ValidationError before any request — in the real
 * clients, the mocks and the LocalGateway alike — and storage paths are
 * normalised and confined.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createContext } from '../../src/context/factory.js';
import type { Context } from '../../src/context/context.js';
import { ValidationError } from '../../src/errors.js';
import { LocalGateway } from '../../src/testing/gateway/index.js';
import { MockContext } from '../../src/testing/mock-context.js';
import { closeSharedDispatchers } from '../../src/http/pool.js';
import { normalizeStoragePath } from '../../src/http/paths.js';

const BAD_SEGMENTS = ['', '.', '..', 'a\u0000b', 'a/b', '../admin', 'a\\b', 'line\nbreak'];
const BAD_PATHS = ['', '../secret.txt', 'a/../../b', '/etc/passwd', 'C:\\x', 'a\u0000b', '..', 'a\\b', './', '//'];

let gw: LocalGateway;
let url = '';

beforeAll(async () => {
  gw = new LocalGateway({ serviceToken: 'svc' });
  url = await gw.start();
});
afterAll(async () => {
  await gw.stop();
  await closeSharedDispatchers();
});

const real = (kind: 'tool' | 'skeleton' | 'system' = 'tool'): Context =>
  createContext({ kind, gatewayUrl: url, serviceToken: 'svc', identity: kind === 'system' ? undefined : { imperalId: 'u1' }, extension: 'paths-test' });
const mock = (kind: 'tool' | 'skeleton' | 'system' = 'tool'): Context => new MockContext({ kind, extensionId: 'paths-test' });

/** Every client call that puts a caller value into a URL segment or a storage path. */
function segmentCalls(bad: string): [string, (ctx: () => Context) => Promise<unknown>][] {
  return [
    ['store.get collection', (c) => c().store.get(bad, 'id1')],
    ['store.get id', (c) => c().store.get('notes', bad)],
    ['store.update id', (c) => c().store.update('notes', bad, { a: 1 })],
    ['store.delete id', (c) => c().store.delete('notes', bad)],
    ['store.create collection', (c) => c().store.create(bad, { a: 1 })],
    ['store.query collection', (c) => c().store.query(bad)],
    ['store.count collection', (c) => c().store.count(bad)],
    ['skeleton.get section', (c) => (c === real ? real('skeleton') : mock('skeleton')).skeleton.get(bad)],
    ['extensions.call appId', (c) => c().extensions.call(bad, 'm')],
  ];
}

describe.each([
  ['real clients', real],
  ['mocks', mock],
] as const)('%s', (_label, ctx) => {
  it.each(BAD_SEGMENTS)('refuse the segment %j before any request', async (bad) => {
    gw.clearRequests();
    for (const [what, call] of segmentCalls(bad)) {
      const err = await call(ctx).then(() => undefined, (e: unknown) => e);
      expect(err, `${what} ${JSON.stringify(bad)}`).toBeInstanceOf(ValidationError);
    }
    expect(gw.requests).toHaveLength(0);
  });

  it.each(BAD_PATHS)('refuse the storage path %j before any request', async (bad) => {
    gw.clearRequests();
    const c = ctx();
    for (const call of [() => c.storage.download(bad), () => c.storage.delete(bad), () => c.storage.upload(bad, 'x')]) {
      await expect(call()).rejects.toBeInstanceOf(ValidationError);
    }
    expect(gw.requests).toHaveLength(0);
  });

  it('normalise storage paths and prefixes', async () => {
    const c = ctx();
    const info = await c.storage.upload('exports//2026/./report.csv', 'a,b');
    expect(info.path).toBe('exports/2026/report.csv');
    expect(new TextDecoder().decode(await c.storage.download('exports/2026/report.csv'))).toBe('a,b');
    expect((await c.storage.list('./exports/')).data.map((f) => f.path)).toEqual(['exports/2026/report.csv']);
    await expect(c.storage.list('../')).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuse system scans and asUser ids that would leave their segment', async () => {
    const sys = ctx('system') as Context & { asUser(id: string): Context };
    await expect((async () => sys.store.queryAll('..'))()).rejects.toBeInstanceOf(ValidationError);
    expect(() => sys.asUser('..')).toThrow(ValidationError);
    expect(() => sys.asUser('a/b')).toThrow(ValidationError);
  });

  it('keep odd but legal ids inside their segment', async () => {
    const c = ctx();
    const doc = await c.store.create('notes', { a: 1 });
    for (const id of ['%2e%2e', '...', 'a b', 'ü?#', '..a']) {
      expect(await c.store.get('notes', id)).toBeNull();
    }
    expect((await c.store.get('notes', doc.id))?.id).toBe(doc.id);
  });
});

describe('LocalGateway', () => {
  const headers = { 'x-service-token': 'svc' };
  const q = 'extension_id=paths-test&tenant_id=default';

  it('refuses decoded segments a client may not send (NUL, /, bad escapes) with 422', async () => {
    for (const raw of ['a%00b', 'a%2Fb', '%E0%A4%A', '%2e%2e%2fx']) {
      const res = await request(`${url}/v1/internal/store/notes/${raw}?${q}`, { headers });
      expect(res.statusCode, raw).toBe(422);
      await res.body.dump();
    }
  });

  it('refuses storage paths that leave the extension area with 422', async () => {
    for (const path of ['../other-ext/file', '/etc/passwd', 'a/../../b']) {
      const res = await request(`${url}/v1/internal/storage/download?path=${encodeURIComponent(path)}&${q}`, { headers: { authorization: 'Bearer svc' } });
      expect(res.statusCode, path).toBe(422);
      await res.body.dump();
    }
  });
});

describe('normalizeStoragePath', () => {
  it('collapses empty and dot segments, names the field', () => {
    expect(normalizeStoragePath('path', 'a/./b//c')).toBe('a/b/c');
    expect(() => normalizeStoragePath('file', '../x')).toThrow(/'file'/);
  });
});
