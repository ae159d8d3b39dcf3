/**
 * The JSON API under `/api/` that the playground (and scripts) use. Every
 * route acts as the runner's current identity unless the request says `as`
 * (or `?user=` on store routes). Answers are plain JSON: the `ActionResult`
 * dict itself, the panel envelope itself.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_SCOPE_USER } from '../context/clients/secrets.js';
import { SYSTEM_USER_ID } from '../context/identity.js';
import { signWebhook } from '../security/webhook.js';
import type { DevServerState } from './server-state.js';
import { field, HttpError, readJson, sendJson } from './http-util.js';
import type { DevIdentity } from './runner.js';
import { surfacesOf } from './surfaces.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, parts: string[]) => Promise<void>;

const asOf = (body: Record<string, unknown>): Partial<DevIdentity> | string | undefined => body.as as Partial<DevIdentity> | string | undefined;

/** Answers one `/api/...` request. */
export async function handleApi(s: DevServerState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const parts = url.pathname.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  const key = `${req.method ?? 'GET'} ${parts[0] ?? ''}`;
  const handler = routes(s)[key];
  if (!handler) throw new HttpError(404, `no API route ${req.method} ${url.pathname}; see docs/dev.md`);
  await handler(req, res, url, parts);
}

function ext(s: DevServerState) {
  const v = s.reloader.current;
  if (!v) throw new HttpError(503, `the extension has not loaded: ${s.reloader.failure?.message ?? 'still starting'}`);
  return v.ext;
}

function routes(s: DevServerState): Record<string, Handler> {
  const { runner, platform } = s;
  const engine = platform.platform;
  const scope = (userId: string) => ({ tenantId: 'default', extensionId: ext(s).appId, userId });
  return {
    'GET manifest': async (_q, res) => sendJson(res, 200, ext(s).manifest()),
    'GET status': async (_q, res) =>
      sendJson(res, 200, {
        app_id: s.reloader.current?.ext.appId ?? null,
        version: s.reloader.current?.id ?? 0,
        loaded_at: s.reloader.current?.loadedAt ?? null,
        error: s.reloader.failure ?? null,
        identity: runner.identity,
        data_dir: s.dataDir,
      }),
    'GET surfaces': async (_q, res) => sendJson(res, 200, surfacesOf(ext(s), engine, runner.identity.userId)),
    'GET findings': async (_q, res) => sendJson(res, 200, await s.findings()),
    'GET identity': async (_q, res) => sendJson(res, 200, runner.identity),
    'POST identity': async (q, res) => {
      runner.identity = runner.resolve((await readJson(q)) as Partial<DevIdentity>);
      sendJson(res, 200, runner.identity);
    },
    'POST call': async (q, res) => {
      const b = await readJson(q);
      const out = await runner.call(field(b, 'function'), b.params, runner.resolve(asOf(b)));
      sendJson(res, 200, out.result, { 'x-imperal-call-id': out.callId });
    },
    'POST panel': async (q, res) => ui(s, q, res, 'panel'),
    'POST widget': async (q, res) => ui(s, q, res, 'widget'),
    'POST tray': async (q, res) => ui(s, q, res, 'tray'),
    'POST skeleton': async (q, res) => {
      const b = await readJson(q);
      const out = await runner.skeleton(field(b, 'section'), runner.resolve(asOf(b)));
      sendJson(res, 200, out.result, { 'x-imperal-call-id': out.callId });
    },
    'POST schedule': async (q, res) => {
      const b = await readJson(q);
      const out = await runner.run({ kind: 'schedule', name: field(b, 'name') }, 'system', undefined);
      sendJson(res, 200, out.result, { 'x-imperal-call-id': out.callId });
    },
    'POST webhook': async (q, res) => sendJson(res, 200, await webhook(s, await readJson(q))),
    'POST emit': async (q, res) => {
      const b = await readJson(q);
      const who = runner.resolve(asOf(b));
      const data = b.data ?? {};
      if (typeof data !== 'object' || Array.isArray(data)) throw new HttpError(400, "'data' must be a JSON object");
      const type = field(b, 'event_type');
      platform.publish({ eventType: type, data: data as Record<string, unknown>, sourceApp: type.split('.')[0] ?? '', userId: who.userId, tenantId: who.tenantId, id: '' });
      sendJson(res, 200, { ok: true });
    },
    'GET events': async (_q, res) => platform.hub.attach(res),
    'GET emitted': async (_q, res) => sendJson(res, 200, engine.bus.events),
    'GET notifications': async (_q, res) => sendJson(res, 200, engine.notifications),
    'GET chat': async (_q, res) => sendJson(res, 200, engine.chat),
    'GET logs': async (_q, res, url) => {
      const call = url.searchParams.get('call');
      sendJson(res, 200, call ? runner.logs.filter((l) => l.callId === call) : runner.logs.slice(-500));
    },
    'GET config': async (_q, res) => sendJson(res, 200, platform.config),
    'PUT config': async (q, res) => {
      const b = await readJson(q);
      platform.config = (b.config ?? b) as Record<string, unknown>;
      platform.changed();
      platform.hub.publish('config', platform.config);
      sendJson(res, 200, platform.config);
    },
    'GET secrets': async (_q, res, url) => {
      const user = url.searchParams.get('user') ?? runner.identity.userId;
      const app = ext(s).appId;
      sendJson(res, 200, [...ext(s).registry.secrets.values()].map((d) => ({ name: d.name, scope: d.scope, description: d.description, required: d.required, is_set: engine.vault.has(app, d.scope === 'app' ? APP_SCOPE_USER : user, d.name) })));
    },
    'PUT secrets': async (q, res, url, parts) => {
      const b = await readJson(q);
      const name = parts[1] ?? field(b, 'name');
      const decl = ext(s).registry.secrets.get(name);
      if (!decl) throw new HttpError(404, `no secret named '${name}' is declared (ext.secret({ name: '${name}', ... }))`);
      const owner = decl.scope === 'app' ? APP_SCOPE_USER : (url.searchParams.get('user') ?? runner.identity.userId);
      if (b.value === null) engine.vault.remove(ext(s).appId, owner, name);
      else engine.vault.write(ext(s).appId, owner, name, field(b, 'value'));
      platform.changed();
      platform.hub.publish('secrets', { name });
      sendJson(res, 200, { name, is_set: b.value !== null });
    },
    'GET store': async (_q, res, url, parts) => {
      const app = ext(s).appId;
      if (!parts[1]) return sendJson(res, 200, engine.store.collections('default', app));
      const user = url.searchParams.get('user') ?? runner.identity.userId;
      const docs = user === '*' ? engine.store.all(scope(SYSTEM_USER_ID), parts[1], 10_000) : engine.store.query(scope(user), parts[1], { limit: 10_000 }).data;
      sendJson(res, 200, docs);
    },
    'POST store': async (q, res, url, parts) => {
      const b = await readJson(q);
      const doc = engine.store.create(scope(url.searchParams.get('user') ?? runner.identity.userId), parts[1] ?? field(b, 'collection'), object(b.data, 'data'));
      storeChanged(s, 'create', doc.collection, doc.id, doc.user_id);
      sendJson(res, 201, doc);
    },
    'PUT store': async (q, res, _url, parts) => {
      const b = await readJson(q);
      const [collection, id] = [parts[1] ?? '', parts[2] ?? ''];
      if (!engine.store.get(scope(''), collection, id)) throw new HttpError(404, `no document ${collection}/${id}`);
      // Replace, not merge: the playground edits the whole document.
      const doc = engine.store.replace(scope(''), collection, id, object(b.data, 'data'));
      storeChanged(s, 'update', collection, id, doc.user_id);
      sendJson(res, 200, doc);
    },
    'DELETE store': async (_q, res, _url, parts) => {
      const [collection, id] = [parts[1] ?? '', parts[2] ?? ''];
      if (!engine.store.delete(scope(''), collection, id)) throw new HttpError(404, `no document ${collection}/${id}`);
      storeChanged(s, 'delete', collection, id, '');
      sendJson(res, 200, { deleted: true });
    },
    'POST reload': async (_q, res) => {
      await s.reloader.reload();
      sendJson(res, 200, { version: s.reloader.current?.id ?? 0, error: s.reloader.failure ?? null });
    },
  };
}

function object(v: unknown, name: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new HttpError(400, `'${name}' must be a JSON object`);
  return v as Record<string, unknown>;
}

function storeChanged(s: DevServerState, op: string, collection: string, id: string, userId: string): void {
  s.platform.changed();
  s.platform.hub.publish('store', { op, collection, id, user_id: userId });
}

async function ui(s: DevServerState, q: IncomingMessage, res: ServerResponse, kind: 'panel' | 'widget' | 'tray'): Promise<void> {
  const b = await readJson(q);
  const params = b.params ?? {};
  const out = await s.runner.run({ kind, id: field(b, 'id'), params }, 'panel', s.runner.resolve(asOf(b)));
  sendJson(res, 200, out.result, { 'x-imperal-call-id': out.callId });
}

/** Composes a webhook request (optionally signed), runs it, and answers with both. */
async function webhook(s: DevServerState, b: Record<string, unknown>): Promise<Record<string, unknown>> {
  const path = field(b, 'path');
  const body = typeof b.body === 'string' ? b.body : b.body === undefined ? '' : JSON.stringify(b.body);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...((b.headers ?? {}) as Record<string, string>) };
  const sign = b.sign as { secret?: string; secret_name?: string; header?: string; scheme?: 'hex' | 'stripe' | 'standard' } | undefined;
  if (sign) {
    const app = ext(s).appId;
    const secret = sign.secret ?? (sign.secret_name ? s.platform.platform.vault.read(app, APP_SCOPE_USER, sign.secret_name) : undefined);
    if (!secret) throw new HttpError(400, `no secret to sign with: pass sign.secret or set the secret '${sign.secret_name ?? ''}' first`);
    const record = ext(s).registry.webhooks.get(path);
    Object.assign(headers, signWebhook({ secret, body, header: sign.header ?? record?.secretHeader ?? undefined, scheme: sign.scheme ?? 'hex' }).headers);
  }
  const method = typeof b.method === 'string' ? b.method : 'POST';
  const query = (b.query ?? {}) as Record<string, string>;
  const out = await s.runner.run({ kind: 'webhook', path, request: { method, headers, body, query, path } }, 'webhook', undefined);
  return { request: { method, path, headers, body }, response: out.result, call_id: out.callId };
}
