/**
 * `ctx.skeleton`: read-only access to the extension's live-data sections, only
 * inside an `@ext.skeleton` refresh handler.
 *
 * @module
 */
import { SkeletonAccessForbidden } from '../../errors.js';
import { seg, type CallOptions } from '../../http/gateway.js';
import { requireSegment } from './checks.js';
import type { ClientScope } from './scope.js';

/** Upstream skeleton timeout. */
const SKELETON_TIMEOUT_MS = 10_000;

/** The `ctx.skeleton` interface (reads only; the kernel is the only writer). */
export interface SkeletonClient {
  /** The section's current data, or `null` when it has none. */
  get<T = unknown>(section: string, options?: CallOptions): Promise<T | null>;
}

/** Wraps `inner` so that reads fail with {@link SkeletonAccessForbidden} unless `kind` is `skeleton`. */
export function guardSkeleton(inner: SkeletonClient, kind: string): SkeletonClient {
  return {
    get<T>(section: string, options?: CallOptions): Promise<T | null> {
      if (kind !== 'skeleton') return Promise.reject(new SkeletonAccessForbidden(kind));
      return inner.get<T>(section, options);
    },
  };
}

/** `ctx.skeleton` over `GET /v1/internal/skeleton/{app}/{user}/{section}`. */
export class GatewaySkeletonClient implements SkeletonClient {
  constructor(private readonly scope: ClientScope) {}

  async get<T = unknown>(section: string, options?: CallOptions): Promise<T | null> {
    requireSegment('section', section, 'inbox');
    const s = this.scope;
    const reply = await s.http.call({
      what: 'skeleton.get',
      method: 'GET',
      path: `/v1/internal/skeleton/${seg(s.extensionId, 'extensionId')}/${seg(s.userId, 'userId')}/${seg(section, 'section')}`,
      headers: s.callToken(),
      timeoutMs: SKELETON_TIMEOUT_MS,
      accept: [404],
      options,
    });
    if (reply.status === 404) return null;
    const data = reply.object().data;
    return data === undefined ? null : (data as T);
  }
}
