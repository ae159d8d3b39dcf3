/**
 * `MockStorage`: `ctx.storage` over in-memory files.
 *
 * @module
 */
import { normalizeStoragePath, normalizeStoragePrefix } from '../../context/clients/checks.js';
import { fileInfo, toBytes, type FileInfo, type StorageClient } from '../../context/clients/storage.js';
import { Page } from '../../types/page.js';
import type { MockScope } from './scope.js';

/** In-memory `ctx.storage`, scoped to extension + tenant like the real one. */
export class MockStorage implements StorageClient {
  constructor(private readonly scope: MockScope) {}

  async upload(rawPath: string, data: Uint8Array | string, contentType = 'application/octet-stream'): Promise<FileInfo> {
    const path = normalizeStoragePath('path', rawPath);
    const info = this.scope.platform.files.put(this.scope.tenantId, this.scope.extensionId, path, toBytes(data), contentType);
    return fileInfo({ ...info, url: '' });
  }

  async download(rawPath: string): Promise<Uint8Array> {
    const path = normalizeStoragePath('path', rawPath);
    return this.scope.platform.files.read(this.scope.tenantId, this.scope.extensionId, path);
  }

  async delete(rawPath: string): Promise<boolean> {
    const path = normalizeStoragePath('path', rawPath);
    return this.scope.platform.files.remove(this.scope.tenantId, this.scope.extensionId, path);
  }

  async list(prefix = ''): Promise<Page<FileInfo>> {
    return Page.of(this.scope.platform.files.list(this.scope.tenantId, this.scope.extensionId, normalizeStoragePrefix(prefix)));
  }
}
