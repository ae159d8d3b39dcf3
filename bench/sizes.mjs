/** Disk sizes for the install and tarball rows. */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every file under `dir` (symlinks counted as links, not followed). */
export function directorySize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += directorySize(path);
    else total += lstatSync(path).size;
  }
  return total;
}
