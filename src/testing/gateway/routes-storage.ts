/**
 * The local gateway's `/v1/internal/storage` routes (multipart upload).
 *
 * @module
 */
import { ValidationError } from '../../errors.js';
import { normalizeStoragePath, normalizeStoragePrefix } from '../../http/paths.js';
import type { PlatformState } from '../engine/platform.js';
import { requireBearer, type GatewayCredentials } from './auth.js';
import { reply, type GatewayRequest, type Router } from './router.js';

function need(v: string | null | undefined, field: string): string {
  if (!v) throw new ValidationError(field, 'field required');
  return v;
}

/** Registers the storage routes. */
export function storageRoutes(router: Router, platform: PlatformState, creds: GatewayCredentials): void {
  const files = platform.files;
  const scope = (req: GatewayRequest): [string, string] => [need(req.query.get('tenant_id'), 'tenant_id'), need(req.query.get('extension_id'), 'extension_id')];
  router
    .add('POST', '/v1/internal/storage/upload', async (req) => {
      requireBearer(req, creds);
      const contentType = String(req.headers['content-type'] ?? '');
      // The global Response (undici inside Node) parses multipart bodies, so the gateway needs no parser of its own.
      const form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': contentType } }).formData();
      const file = form.get('file');
      if (!file || typeof file === 'string') throw new ValidationError('file', 'multipart part "file" required');
      const path = normalizeStoragePath('path', form.get('path'));
      const info = files.put(need(form.get('tenant_id') as string | null, 'tenant_id'), need(form.get('extension_id') as string | null, 'extension_id'), path, new Uint8Array(await file.arrayBuffer()), file.type || 'application/octet-stream');
      return reply(200, { path: info.path, size: info.size, content_type: info.contentType, created_at: info.createdAt, url: '' });
    })
    .add('GET', '/v1/internal/storage/download', (req) => {
      requireBearer(req, creds);
      const [tenant, ext] = scope(req);
      return { status: 200, raw: files.read(tenant, ext, normalizeStoragePath('path', req.query.get('path'))), headers: { 'content-type': 'application/octet-stream' } };
    })
    .add('DELETE', '/v1/internal/storage', (req) => {
      requireBearer(req, creds);
      const [tenant, ext] = scope(req);
      return files.remove(tenant, ext, normalizeStoragePath('path', req.query.get('path'))) ? reply(200, { deleted: true }) : reply(404, { detail: 'File not found' });
    })
    .add('GET', '/v1/internal/storage/list', (req) => {
      requireBearer(req, creds);
      const [tenant, ext] = scope(req);
      const list = files.list(tenant, ext, normalizeStoragePrefix(req.query.get('prefix') ?? ''));
      return reply(200, {
        files: list.map((f) => ({ path: f.path, size: f.size, content_type: f.contentType, created_at: f.createdAt, url: f.url })),
        has_more: false,
        cursor: null,
        total: list.length,
      });
    });
}
