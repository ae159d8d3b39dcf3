/**
 * `ctx.cache` limits at their exact boundaries: key length and alphabet, whole
 * TTL seconds in 5–300, and the 65 536-byte cap on the exact request body.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CACHE_MAX_BYTES, CacheModels, cacheKeyHash, checkTtl } from '../../src/context/clients/cache-models.js';

const Blob = z.object({ s: z.string() });
const models = new CacheModels(new Map([['blob', { name: 'blob', schema: Blob }]]), 'app1');
const at = new Date('2026-01-01T00:00:00Z');

describe('cache rules', () => {
  it('keys: 1–128 chars of A-Z a-z 0-9 _ - :, hashed to 16 hex chars of SHA-256', () => {
    expect(cacheKeyHash('page:1')).toBe('00f081779b832543');
    expect(cacheKeyHash('k'.repeat(128))).toMatch(/^[0-9a-f]{16}$/);
    for (const bad of ['', 'k'.repeat(129), 'a/b', 'a b', 'ü', 'a.b']) expect(() => cacheKeyHash(bad)).toThrow(/cache key/);
  });

  it('TTL: whole seconds from 5 to 300', () => {
    expect([checkTtl(5), checkTtl(300)]).toEqual([5, 300]);
    for (const bad of [4, 301, 5.5, Number.NaN, '60', true]) expect(() => checkTtl(bad)).toThrow(/5 to 300/);
  });

  it('size: the exact body may be 65 536 bytes, not one more', async () => {
    const overhead = (await models.encode('blob', { s: '' }, 60, at)).body.length;
    const fits = await models.encode('blob', { s: 'x'.repeat(CACHE_MAX_BYTES - overhead) }, 60, at);
    expect(Buffer.byteLength(fits.body)).toBe(CACHE_MAX_BYTES);
    await expect(models.encode('blob', { s: 'x'.repeat(CACHE_MAX_BYTES - overhead + 1) }, 60, at)).rejects.toMatchObject({ field: 'value' });
    // Multi-byte characters count as bytes, not as characters.
    await expect(models.encode('blob', { s: 'é'.repeat(CACHE_MAX_BYTES / 2) }, 60, at)).rejects.toThrow(/bytes/);
  });

  it('decode: another model, another version or null data is a miss', async () => {
    const env = { model: 'blob', version: 1, data: { s: 'a' }, cached_at: '' };
    expect(await models.decode('blob', env)).toEqual({ s: 'a' });
    for (const bad of [{ ...env, model: 'other' }, { ...env, version: 2 }, { ...env, data: null }, null]) expect(await models.decode('blob', bad)).toBeNull();
  });
});
