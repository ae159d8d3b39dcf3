import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingDependencyError } from '../../src/errors.js';
import { loadOnce, loadPeer } from '../../src/lazy.js';

describe('lazy loading', () => {
  it('loads a package once and returns the same module after', () => {
    expect(loadOnce('croner')).toBe(loadOnce('croner'));
  });

  it('names the missing optional package and how to install it', () => {
    const attempt = () => loadPeer('@imperal-test/not-installed/sub', 'a zod 3 schema');
    expect(attempt).toThrow(MissingDependencyError);
    expect(attempt).toThrow("a zod 3 schema needs the package '@imperal-test/not-installed', which is not installed: run npm install --save-dev @imperal-test/not-installed");
  });

  it('passes other load failures through unchanged', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'imperal-lazy-')), 'broken.cjs');
    writeFileSync(file, "throw new RangeError('broken at load');");
    expect(() => loadPeer(file, 'x')).toThrow(RangeError);
  });
});
