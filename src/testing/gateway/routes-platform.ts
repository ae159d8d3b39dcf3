/**
 * The local gateway's other routes: extcache, skeleton, secrets, billing,
 * notify, ai, chat inject, events and extension calls.
 *
 * @module
 */
import { APP_SCOPE_USER } from '../../context/clients/secrets.js';
import type { ExtensionLike } from '../../context/extension-like.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { PlatformState, type InjectedChatMessage, type SentNotification } from '../engine/platform.js';
import { requireBearer, requireCallToken, requireServiceToken, type GatewayCredentials } from './auth.js';
import { reply, type GatewayRequest, type Router } from './router.js';

const text = (v: unknown, field: string): string => {
  if (typeof v !== 'string' || v === '') throw new ValidationError(field, 'field required');
  return v;
};

function cacheRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials): void {
  const path = '/v1/internal/extcache/:app/:user/:model/:hash';
  const key = (req: GatewayRequest): string => {
    const p = req.params;
    return PlatformState.cacheKey(p.app!, p.user!, p.model!, p.hash!);
  };
  const guard = (req: GatewayRequest): Promise<void> => requireCallToken(req, creds, req.params.app!, req.params.user!);
  router
    .add('GET', path, async (req) => {
      await guard(req);
      const hit = platform.cache.get(key(req));
      return hit === undefined ? reply(404, { detail: 'miss' }) : reply(200, JSON.parse(hit));
    })
    .add('PUT', path, async (req) => {
      await guard(req);
      const b = req.json();
      const ttl = b.ttl_seconds;
      if (typeof ttl !== 'number' || ttl < 5 || ttl > 300) throw new ValidationError('ttl_seconds', 'must be 5..300');
      if (req.body.byteLength > 65_536) return reply(413, { detail: 'envelope too large' });
      platform.cache.set(key(req), JSON.stringify(b.envelope), ttl);
      return reply(200, { ok: true });
    })
    .add('DELETE', path, async (req) => {
      await guard(req);
      return platform.cache.delete(key(req)) ? reply(200, { deleted: true }) : reply(404, { detail: 'miss' });
    });
}

function skeletonRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials): void {
  router.add('GET', '/v1/internal/skeleton/:app/:user/:section', async (req) => {
    const app = req.params.app!;
    const user = req.params.user!;
    const section = req.params.section!;
    await requireCallToken(req, creds, app, user, 'skeleton');
    const key = PlatformState.skeletonKey(app, user, section);
    return platform.skeleton.has(key) ? reply(200, { data: platform.skeleton.get(key) }) : reply(404, { detail: 'no such section' });
  });
}

function secretRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials, extensions: ExtensionLookup): void {
  const vault = platform.vault;
  const user = (req: GatewayRequest): string => text(req.headers['x-acting-user'], 'X-Acting-User');
  // The client always names the acting user (as 5.11 does); app-scoped secrets
  // hold one value per installation, filed under `__app__`.
  const owner = (req: GatewayRequest): string => {
    const spec = extensions.get(req.params.app!)?.registry.secrets.get(req.params.name!);
    return spec?.scope === 'app' ? APP_SCOPE_USER : user(req);
  };
  router
    .add('GET', '/v1/secrets/:app/:name/meta', (req) => {
      requireBearer(req, creds);
      return reply(200, { name: req.params.name, is_set: vault.has(req.params.app!, owner(req), req.params.name!) });
    })
    .add('GET', '/v1/secrets/:app/:name', (req) => {
      requireBearer(req, creds);
      const v = vault.read(req.params.app!, owner(req), req.params.name!);
      return v === undefined ? reply(404, { detail: 'not set' }) : reply(200, { value: v });
    })
    .add('PUT', '/v1/secrets/:app/:name', (req) => {
      requireBearer(req, creds);
      vault.write(req.params.app!, owner(req), req.params.name!, text(req.json().value, 'value'));
      return reply(200, { ok: true });
    })
    .add('DELETE', '/v1/secrets/:app/:name', (req) => {
      requireBearer(req, creds);
      return reply(200, { was_set: vault.remove(req.params.app!, owner(req), req.params.name!) });
    })
    .add('GET', '/v1/secrets/:app', (req) => {
      requireBearer(req, creds);
      const app = req.params.app!;
      const declared = [...(extensions.get(app)?.registry.secrets.values() ?? [])];
      return reply(
        200,
        declared.map((s) => {
          const who = s.scope === 'app' ? APP_SCOPE_USER : user(req);
          return { name: s.name, description: s.description, is_set: vault.has(app, who, s.name), last_accessed_at: vault.lastAccessed(app, who, s.name) };
        }),
      );
    });
}

function billingRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials): void {
  const ledger = platform.billing;
  const base = '/v1/billing/internal';
  router
    .add('GET', `${base}/user-limits/:uid`, (req) => {
      requireServiceToken(req, creds);
      const a = ledger.account(req.params.uid!);
      return reply(200, { plan: a.plan, usage: a.usage, limits: a.limits, exceeded: ledger.exceeded(req.params.uid!) });
    })
    .add('GET', `${base}/subscription/:uid`, (req) => {
      requireServiceToken(req, creds);
      const a = ledger.account(req.params.uid!);
      return reply(200, { plan: a.plan, status: a.status, started_at: null, expires_at: null });
    })
    .add('GET', `${base}/balance/:uid`, (req) => {
      requireServiceToken(req, creds);
      const a = ledger.account(req.params.uid!);
      return reply(200, { balance: a.balance, plan: a.plan, cap: a.cap, status: a.status, included_tokens: 0 });
    })
    .add('POST', `${base}/usage/track`, (req) => {
      requireServiceToken(req, creds);
      const b = req.json();
      ledger.track(text(b.user_id, 'user_id'), text(b.meter, 'meter'), typeof b.quantity === 'number' ? b.quantity : 1);
      return reply(200, { ok: true });
    });
}

function messagingRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials): void {
  router
    .add('POST', '/v1/internal/notify', (req) => {
      requireBearer(req, creds);
      const b = req.json();
      text(b.user_id, 'user_id');
      text(b.message, 'message');
      platform.notifications.push(b as SentNotification);
      return reply(200, { ok: true });
    })
    .add('POST', '/v1/internal/chat/inject', (req) => {
      requireServiceToken(req, creds);
      const b = req.json();
      text(b.text, 'text');
      platform.chat.push(b as InjectedChatMessage);
      return reply(200, { ok: true });
    })
    .add('POST', '/v1/internal/ai/complete', (req) => {
      requireServiceToken(req, creds);
      const b = req.json();
      text(b.prompt, 'prompt');
      return reply(200, platform.ai.complete(b));
    })
    .add('POST', '/v1/internal/events/publish', (req) => {
      requireServiceToken(req, creds);
      const b = req.json();
      const scope = text(b.scope, 'scope');
      platform.bus.publish({
        eventType: `${scope}.${text(b.action, 'action')}`,
        data: (b.data ?? {}) as Record<string, unknown>,
        sourceApp: scope,
        userId: String(b.user_id ?? ''),
        tenantId: String(b.tenant_id ?? 'default'),
        id: String(b.id ?? ''),
      });
      return reply(200, { ok: true });
    })
    .add('POST', '/v1/extensions/:app/call', async (req) => {
      requireServiceToken(req, creds);
      const b = req.json();
      const caller = { userId: text(b.user_id, 'user_id'), tenantId: String(b.tenant_id ?? 'default'), appId: String(req.headers['x-extension-id'] ?? '') };
      try {
        const data = await platform.bus.invoke(req.params.app!, text(b.function, 'function'), (b.params ?? {}) as Record<string, unknown>, caller);
        return reply(200, { status: 'success', data: data ?? null, summary: null, error: null, ui: null });
      } catch (err) {
        if (err instanceof NotFoundError) throw err;
        return reply(200, { status: 'error', data: null, summary: null, error: (err as Error).message, ui: null });
      }
    });
}

/** Registers every non-store, non-storage route. */
/** Finds a registered extension by app id. */
export interface ExtensionLookup {
  get(appId: string): ExtensionLike | undefined;
}

export function platformRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials, extensions: ExtensionLookup): void {
  cacheRoutes(router, platform, creds);
  skeletonRoutes(router, platform, creds);
  secretRoutes(router, platform, creds, extensions);
  billingRoutes(router, platform, creds);
  messagingRoutes(router, platform, creds);
}
