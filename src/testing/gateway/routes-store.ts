/**
 * The local gateway's `/v1/internal/store` routes over the shared store engine.
 *
 * @module
 */
import { ValidationError } from '../../errors.js';
import { checkSegment } from '../../http/paths.js';
import type { PlatformState } from '../engine/platform.js';
import type { StoreScope } from '../engine/store-engine.js';
import { requireServiceToken, type GatewayCredentials } from './auth.js';
import { reply, type GatewayRequest, type Router } from './router.js';

function str(v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') throw new ValidationError(field, 'field required');
  return v;
}

function obj(v: unknown, field: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ValidationError(field, 'must be an object');
  return v as Record<string, unknown>;
}

/** Scope from query parameters (get/delete/list_users/all). */
function queryScope(req: GatewayRequest, userId = ''): StoreScope {
  return { extensionId: str(req.query.get('extension_id'), 'extension_id'), tenantId: str(req.query.get('tenant_id'), 'tenant_id'), userId };
}

/** Scope from a JSON body. */
function bodyScope(body: Record<string, unknown>): StoreScope {
  return { extensionId: str(body.extension_id, 'extension_id'), tenantId: str(body.tenant_id, 'tenant_id'), userId: str(body.user_id, 'user_id') };
}

/** Registers the store routes. */
export function storeRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials): void {
  const store = platform.store;
  const guard = (req: GatewayRequest): void => requireServiceToken(req, creds);
  router
    .add('POST', '/v1/internal/store', (req) => {
      guard(req);
      const b = req.json();
      return reply(201, store.create(bodyScope(b), checkSegment('collection', b.collection, 'tasks'), obj(b.data, 'data')));
    })
    .add('GET', '/v1/internal/store/:collection/list_users', (req) => {
      guard(req);
      const limit = Number(req.query.get('limit') ?? 500);
      return reply(200, store.listUsers(queryScope(req), req.params.collection!, req.query.get('cursor') ?? '0', limit));
    })
    .add('GET', '/v1/internal/store/:collection/all', (req) => {
      guard(req);
      return reply(200, store.all(queryScope(req), req.params.collection!, Number(req.query.get('limit') ?? 500)));
    })
    .add('GET', '/v1/internal/store/:collection/:id', (req) => {
      guard(req);
      const doc = store.get(queryScope(req), req.params.collection!, req.params.id!);
      return doc ? reply(200, doc) : reply(404, { detail: 'Document not found' });
    })
    .add('PATCH', '/v1/internal/store/:collection/:id', (req) => {
      guard(req);
      const b = req.json();
      const scope = { extensionId: str(b.extension_id, 'extension_id'), tenantId: str(b.tenant_id, 'tenant_id'), userId: '' };
      const ifMatch = typeof b.if_match === 'string' ? b.if_match : undefined;
      return reply(200, store.update(scope, req.params.collection!, req.params.id!, obj(b.data, 'data'), ifMatch));
    })
    .add('DELETE', '/v1/internal/store/:collection/:id', (req) => {
      guard(req);
      return store.delete(queryScope(req), req.params.collection!, req.params.id!) ? reply(200, { deleted: true }) : reply(404, { detail: 'Document not found' });
    })
    .add('POST', '/v1/internal/store/:collection/query', (req) => {
      guard(req);
      const b = req.json();
      const limit = typeof b.limit === 'number' ? b.limit : 100;
      return reply(200, store.query(bodyScope(b), req.params.collection!, {
        where: obj(b.where ?? {}, 'where'),
        orderBy: typeof b.order_by === 'string' ? b.order_by : null,
        limit,
        cursor: typeof b.cursor === 'string' ? b.cursor : null,
      }));
    })
    .add('POST', '/v1/internal/store/:collection/count', (req) => {
      guard(req);
      const b = req.json();
      return reply(200, { count: store.count(bodyScope(b), req.params.collection!, obj(b.where ?? {}, 'where')) });
    });
}
