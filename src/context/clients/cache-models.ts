/**
 * The rules of `ctx.cache` shared by the real client, the mock and the local
 * gateway: key format and hash, TTL bounds, model lookup and validation, the
 * wire envelope and its size cap.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { ValidationError } from '../../errors.js';
import type { CacheModelLike, StandardSchemaLike } from '../extension-like.js';

/** TTL bounds and default, in seconds. */
export const CACHE_TTL = Object.freeze({ min: 5, max: 300, default: 60 });
/** Largest accepted request body `{envelope, ttl_seconds}`, in bytes. */
export const CACHE_MAX_BYTES = 65_536;
const KEY_RE = /^[A-Za-z0-9_\-:]+$/;

/** The stored form of a cache value. */
export interface CacheEnvelope {
  readonly model: string;
  readonly version: 1;
  readonly data: unknown;
  readonly cached_at: string;
}

/** A cache model given by registered name or by its schema object. */
export type CacheModelRef = string | StandardSchemaLike;

/** Checks a cache key and returns its wire form: the first 16 hex chars of its SHA-256. */
export function cacheKeyHash(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 128 || !KEY_RE.test(key)) {
    throw new ValidationError('key', `cache key ${JSON.stringify(key)} must be 1–128 characters of A-Z a-z 0-9 _ - :`);
  }
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

/** Checks a TTL (whole seconds, 5–300). */
export function checkTtl(ttl: unknown): number {
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < CACHE_TTL.min || ttl > CACHE_TTL.max) {
    throw new ValidationError('ttlSeconds', `must be a whole number of seconds from ${CACHE_TTL.min} to ${CACHE_TTL.max} (got ${String(ttl)})`);
  }
  return ttl;
}

/** A registry's compiled schema (`{ source, parse }`), as `ext.cacheModel()` stores it. */
interface CompiledLike {
  readonly source: unknown;
  parse(input: unknown): { ok: true; value: unknown } | { ok: false; issues: readonly { path: string; message: string }[] } | Promise<unknown>;
}

function isCompiled(v: unknown): v is CompiledLike {
  return typeof v === 'object' && v !== null && 'source' in v && typeof (v as CompiledLike).parse === 'function';
}

/** Validates with a compiled registry schema or a bare Standard Schema; `message` describes the first problem. */
async function validate(schema: unknown, value: unknown): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  if (isCompiled(schema)) {
    const r = (await schema.parse(value)) as { ok: true; value: unknown } | { ok: false; issues: readonly { path: string; message: string }[] };
    if (r.ok) return r;
    const first = r.issues[0];
    return { ok: false, message: first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid' };
  }
  const r = await (schema as StandardSchemaLike)['~standard'].validate(value);
  return r.issues ? { ok: false, message: r.issues[0]?.message ?? 'invalid' } : { ok: true, value: r.value };
}

/** The cache models of one extension, looked up by name or by schema identity. */
export class CacheModels {
  constructor(
    private readonly models: ReadonlyMap<string, CacheModelLike>,
    private readonly appId: string,
  ) {}

  /** Every registered model name (a delete clears the key under each). */
  names(): string[] {
    return [...this.models.keys()];
  }

  /** The registered model `ref` stands for. */
  resolve(ref: CacheModelRef): { name: string; schema: unknown } {
    for (const m of this.models.values()) {
      if (m.name === ref || m.schema === ref || (isCompiled(m.schema) && m.schema.source === ref)) return { name: m.name, schema: m.schema };
    }
    const label = typeof ref === 'string' ? `'${ref}'` : 'this schema';
    throw new ValidationError('model', `${label} is not a cache model of '${this.appId}'; register it with ext.cacheModel(name, schema)`);
  }

  /** Validates `value` and builds the request body; enforces the size cap. */
  async encode(ref: CacheModelRef, value: unknown, ttlSeconds: number, now: Date): Promise<{ name: string; body: string }> {
    checkTtl(ttlSeconds);
    const { name, schema } = this.resolve(ref);
    const result = await validate(schema, value);
    if (!result.ok) throw new ValidationError('value', `does not match cache model '${name}': ${result.message}`);
    const envelope: CacheEnvelope = { model: name, version: 1, data: result.value, cached_at: now.toISOString().replace('Z', '+00:00') };
    const body = JSON.stringify({ envelope, ttl_seconds: ttlSeconds });
    const size = Buffer.byteLength(body, 'utf8');
    if (size > CACHE_MAX_BYTES) {
      throw new ValidationError('value', `cache entry is ${size} bytes; the limit is ${CACHE_MAX_BYTES} (cache an id or a summary instead)`);
    }
    return { name, body };
  }

  /** The typed value of a stored envelope, or `null` when it is for another model/version or no longer validates. */
  async decode<T>(ref: CacheModelRef, envelope: unknown): Promise<T | null> {
    const { name, schema } = this.resolve(ref);
    const env = envelope as Partial<CacheEnvelope> | null;
    if (!env || env.model !== name || env.version !== 1 || env.data === null || env.data === undefined) return null;
    const result = await validate(schema, env.data);
    return result.ok ? (result.value as T) : null;
  }
}
