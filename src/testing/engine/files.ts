/**
 * In-memory file storage per tenant + extension (`MockStorage` and the local gateway).
 *
 * @module
 */
import { NotFoundError } from '../../errors.js';
import { fileInfo, type FileInfo } from '../../context/clients/storage.js';

interface StoredFile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly createdAt: string;
}

/** One file in a file-engine snapshot (bytes as base64). */
export interface FileState {
  readonly tenantId: string;
  readonly extensionId: string;
  readonly path: string;
  readonly base64: string;
  readonly contentType: string;
  readonly createdAt: string;
}

/** Files keyed by path within a tenant + extension. */
export class FileEngine {
  readonly #files = new Map<string, StoredFile>();

  constructor(private readonly now: () => number = Date.now) {}

  #key(tenantId: string, extensionId: string, path: string): string {
    return `${tenantId}\u0000${extensionId}\u0000${path}`;
  }

  put(tenantId: string, extensionId: string, path: string, bytes: Uint8Array, contentType: string): FileInfo {
    const createdAt = new Date(this.now()).toISOString();
    this.#files.set(this.#key(tenantId, extensionId, path), { bytes: new Uint8Array(bytes), contentType, createdAt });
    return fileInfo({ path, size: bytes.byteLength, contentType, createdAt });
  }

  /** The bytes; {@link NotFoundError} when there is no such file. */
  read(tenantId: string, extensionId: string, path: string): Uint8Array {
    const f = this.#files.get(this.#key(tenantId, extensionId, path));
    if (!f) throw new NotFoundError('file', path);
    return new Uint8Array(f.bytes);
  }

  remove(tenantId: string, extensionId: string, path: string): boolean {
    return this.#files.delete(this.#key(tenantId, extensionId, path));
  }

  /** Files whose path starts with `prefix`, sorted by path. */
  list(tenantId: string, extensionId: string, prefix: string): FileInfo[] {
    const head = this.#key(tenantId, extensionId, '');
    return [...this.#files.entries()]
      .filter(([k]) => k.startsWith(head + prefix))
      .map(([k, f]) => fileInfo({ path: k.slice(head.length), size: f.bytes.byteLength, contentType: f.contentType, createdAt: f.createdAt }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Every file as plain JSON (what `imperal dev` persists). */
  exportState(): FileState[] {
    return [...this.#files.entries()].map(([k, f]) => {
      const [tenantId = '', extensionId = '', path = ''] = k.split('\u0000');
      return { tenantId, extensionId, path, base64: Buffer.from(f.bytes).toString('base64'), contentType: f.contentType, createdAt: f.createdAt };
    });
  }

  /** Replaces every file with those of `files`. */
  importState(files: readonly FileState[]): void {
    this.#files.clear();
    for (const f of files) this.#files.set(this.#key(f.tenantId, f.extensionId, f.path), { bytes: new Uint8Array(Buffer.from(f.base64, 'base64')), contentType: f.contentType, createdAt: f.createdAt });
  }
}
