/**
 * Issue 10 item 7 (client paths): random ids through every client's path
 * building. Each call either refuses the id with a ValidationError before any
 * request, or sends exactly one request whose path has the expected shape with
 * the id, decoded, as its own segment. No other throw, no Object.prototype pollution.
 * Fixed seed and bounded runs keep it fast and repeatable.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MockAgent } from 'undici';
import { createContext } from '../../src/context/factory.js';
import type { Context, SystemContext } from '../../src/context/context.js';
import { ValidationError } from '../../src/errors.js';
import { MockContext } from '../../src/testing/mock-context.js';

const SEED = 20_261_201;
const RUNS = 300;
const GW = 'https://gw.test';

const agent = new MockAgent();
agent.disableNetConnect();
const sent: string[] = [];
agent
  .get(GW)
  .intercept({ path: () => true, method: () => true })
  .reply((opts) => {
    sent.push(String(opts.path));
    return { statusCode: 404, data: '' };
  })
  .persist();
afterAll(() => agent.close());

const real = (kind: 'tool' | 'skeleton' = 'tool'): Context =>
  createContext({ kind, gatewayUrl: GW, serviceToken: 'svc', identity: { imperalId: 'u1' }, extension: 'prop-test', dispatcher: agent, retry: { maxRetries: 0 } });

/** Ids an attacker (or an LLM) might choose: random text, dot segments, separators, NUL, escapes. */
const ids = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 16 }),
  fc.constantFrom('', '.', '..', '...', '/', '\\', '\u0000', '%2e%2e', '%2F', '..%2f..', '?x=1', '#frag', '__proto__', 'constructor', 'a\uD800b', '\uDFFF'),
  fc.tuple(fc.constantFrom('..', '/', '\u0000', '%00', '\\', '%'), fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
);

/** A client call putting `id` into a path segment, and the request path it must then produce. */
interface Case {
  readonly name: string;
  readonly call: (id: string) => Promise<unknown>;
  /** The path segments (decoded) the request must have. */
  readonly expected: (id: string) => string[];
}

const CASES: readonly Case[] = [
  { name: 'store.get collection', call: (id) => real().store.get(id, 'd1'), expected: (id) => ['v1', 'internal', 'store', id, 'd1'] },
  { name: 'store.get id', call: (id) => real().store.get('notes', id), expected: (id) => ['v1', 'internal', 'store', 'notes', id] },
  { name: 'store.delete id', call: (id) => real().store.delete('notes', id), expected: (id) => ['v1', 'internal', 'store', 'notes', id] },
  { name: 'store.count collection', call: (id) => real().store.count(id), expected: (id) => ['v1', 'internal', 'store', id, 'count'] },
  { name: 'skeleton.get section', call: (id) => real('skeleton').skeleton.get(id), expected: (id) => ['v1', 'internal', 'skeleton', 'prop-test', 'u1', id] },
  { name: 'store.update id', call: (id) => real().store.update('notes', id, { a: 1 }), expected: (id) => ['v1', 'internal', 'store', 'notes', id] },
  { name: 'store.query collection', call: (id) => real().store.query(id), expected: (id) => ['v1', 'internal', 'store', id, 'query'] },
  {
    name: 'asUser id (billing path)',
    call: (id) => (createContext({ kind: 'system', gatewayUrl: GW, serviceToken: 'svc', extension: 'prop-test', dispatcher: agent, retry: { maxRetries: 0 } }) as SystemContext).asUser(id).billing.getSubscription(),
    expected: (id) => ['v1', 'billing', 'internal', 'subscription', id],
  },
  {
    name: 'extensions.call appId',
    call: (id) => real().extensions.call(id, 'm'),
    expected: (id) => ['v1', 'extensions', id, 'call'],
  },
];

async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (err) {
    return err;
  }
}

describe('random ids through the real clients', () => {
  it.each(CASES)('$name: refused before sending, or exactly one request with the id as its own segment', async ({ call, expected }) => {
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        sent.length = 0;
        const err = await outcome(() => call(id));
        if (err instanceof ValidationError) {
          expect(sent).toHaveLength(0);
          return;
        }
        // 404 answers are fine (null / NotFoundError); anything else is a defect.
        if (err !== undefined) expect((err as { statusCode?: number }).statusCode, String(err)).toBe(404);
        expect(sent).toHaveLength(1);
        const segments = sent[0]!.split('?')[0]!.split('/').slice(1).map(decodeURIComponent);
        expect(segments).toEqual(expected(id));
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('storage paths are refused or sent normalised, never with a ".." segment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ids, { minLength: 1, maxLength: 4 }), async (parts) => {
        const path = parts.join('/');
        sent.length = 0;
        const err = await outcome(() => real().storage.delete(path));
        if (err instanceof ValidationError) {
          expect(sent).toHaveLength(0);
          return;
        }
        expect(err).toBeUndefined();
        const query = new URL(sent[0]!, GW).searchParams.get('path')!;
        expect(query.split('/')).not.toContain('..');
        expect(query.startsWith('/')).toBe(false);
        expect(query).not.toMatch(/\u0000/);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('random ids through the mocks', () => {
  it('refuse exactly what the real clients refuse', async () => {
    const ctx = new MockContext({ kind: 'skeleton', extensionId: 'prop-test' });
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        sent.length = 0;
        const realErr = await outcome(() => real().store.get('notes', id));
        const mockErr = await outcome(() => ctx.store.get('notes', id));
        expect(mockErr instanceof ValidationError).toBe(realErr instanceof ValidationError);
        if (!(mockErr instanceof ValidationError)) expect(mockErr).toBeUndefined();
        const skErr = await outcome(() => ctx.skeleton.get(id));
        expect(skErr === undefined || skErr instanceof ValidationError).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
