/**
 * `ctx.storage`: the extension's file storage, scoped to extension and tenant.
 *
 * @module
 */
import { undici } from '../../lazy.js';
import type { CallOptions, WriteOptions } from '../../http/gateway.js';
import { Page } from '../../types/page.js';
import { normalizeStoragePath, normalizeStoragePrefix } from './checks.js';
import type { ClientScope } from './scope.js';

/** Upstream timeouts: transfers 60 s, the rest 10 s. */
const TRANSFER_TIMEOUT_MS = 60_000;
const META_TIMEOUT_MS = 10_000;

/** One stored file (`file_info.schema.json`). */
export interface FileInfo {
  readonly path: string;
  readonly size: number;
  readonly contentType: string;
  readonly createdAt: string;
  readonly url: string;
}

/** The `ctx.storage` interface, implemented by the gateway client and `MockStorage`. */
export interface StorageClient {
  upload(path: string, data: Uint8Array | string, contentType?: string, options?: WriteOptions): Promise<FileInfo>;
  /** The file's bytes; `NotFoundError` when there is no such file. */
  download(path: string, options?: CallOptions): Promise<Uint8Array>;
  /** `false` when there was no such file. */
  delete(path: string, options?: CallOptions): Promise<boolean>;
  list(prefix?: string, options?: CallOptions): Promise<Page<FileInfo>>;
}

/** Builds a frozen {@link FileInfo} with the schema's defaults. */
export function fileInfo(init: Partial<FileInfo> & { path: string }): FileInfo {
  return Object.freeze({ path: init.path, size: init.size ?? 0, contentType: init.contentType ?? '', createdAt: init.createdAt ?? '', url: init.url ?? '' });
}

/** Reads a file entry of a list answer (a bare path string or an object). */
export function fileInfoFrom(raw: unknown): FileInfo {
  if (typeof raw === 'string') return fileInfo({ path: raw });
  const o = (raw ?? {}) as Record<string, unknown>;
  const t = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return fileInfo({
    path: t(o.path) ?? '',
    size: typeof o.size === 'number' ? o.size : 0,
    contentType: t(o.content_type),
    createdAt: t(o.created_at),
    url: t(o.url),
  });
}

/** UTF-8 bytes of a string, or the bytes as given. */
export function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

/** `ctx.storage` over `/v1/internal/storage*` (Bearer service token). */
export class GatewayStorageClient implements StorageClient {
  constructor(private readonly scope: ClientScope) {}

  async upload(rawPath: string, data: Uint8Array | string, contentType = 'application/octet-stream', options?: WriteOptions): Promise<FileInfo> {
    const path = normalizeStoragePath('path', rawPath);
    const bytes = toBytes(data);
    const s = this.scope;
    // undici's own FormData (its request() encodes only that one); loaded with undici on first use.
    const form = new (undici().FormData)();
    form.append('path', path);
    form.append('extension_id', s.extensionId);
    form.append('tenant_id', s.tenantId);
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }), path);
    const reply = await s.http.call({
      what: 'storage.upload',
      method: 'POST',
      path: '/v1/internal/storage/upload',
      headers: s.bearer(),
      form,
      timeoutMs: TRANSFER_TIMEOUT_MS,
      options,
    });
    const r = reply.object();
    return fileInfo({
      path,
      size: typeof r.size === 'number' ? r.size : bytes.byteLength,
      contentType,
      createdAt: typeof r.created_at === 'string' ? r.created_at : '',
      url: typeof r.url === 'string' ? r.url : '',
    });
  }

  async download(rawPath: string, options?: CallOptions): Promise<Uint8Array> {
    const path = normalizeStoragePath('path', rawPath);
    const reply = await this.scope.http.call({
      what: 'storage.download',
      resource: ['file', path],
      method: 'GET',
      path: '/v1/internal/storage/download',
      query: this.#query({ path }),
      headers: this.scope.bearer(),
      timeoutMs: TRANSFER_TIMEOUT_MS,
      options,
    });
    return reply.body;
  }

  async delete(rawPath: string, options?: CallOptions): Promise<boolean> {
    const path = normalizeStoragePath('path', rawPath);
    const reply = await this.scope.http.call({
      what: 'storage.delete',
      method: 'DELETE',
      path: '/v1/internal/storage',
      query: this.#query({ path }),
      headers: this.scope.bearer(),
      timeoutMs: META_TIMEOUT_MS,
      accept: [404],
      options,
    });
    return reply.status !== 404;
  }

  async list(rawPrefix = '', options?: CallOptions): Promise<Page<FileInfo>> {
    const prefix = normalizeStoragePrefix(rawPrefix);
    const reply = await this.scope.http.call({
      what: 'storage.list',
      method: 'GET',
      path: '/v1/internal/storage/list',
      query: this.#query({ prefix }),
      headers: this.scope.bearer(),
      timeoutMs: META_TIMEOUT_MS,
      options,
    });
    const r = reply.object();
    const files = Array.isArray(r.files) ? r.files.map(fileInfoFrom) : [];
    return Page.of(files, {
      hasMore: r.has_more === true,
      cursor: typeof r.cursor === 'string' ? r.cursor : null,
      total: typeof r.total === 'number' ? r.total : null,
    });
  }

  #query(first: Record<string, string>): Record<string, string> {
    return { ...first, extension_id: this.scope.extensionId, tenant_id: this.scope.tenantId };
  }
}
