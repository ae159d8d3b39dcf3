/**
 * Writes a file so that readers see the old content or the new one, never a
 * half-written file, and never writes through a symlink.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to a fresh temporary file beside `path` (created exclusively)
 * and renames it over `path`. A symlink at `path` is replaced by the file, not
 * followed. The temporary file is removed if anything fails.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
