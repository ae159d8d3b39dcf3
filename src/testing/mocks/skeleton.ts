/**
 * `MockSkeleton`: skeleton sections seeded by the test (the kernel is the
 * only writer in production).
 *
 * @module
 */
import { requireSegment } from '../../context/clients/checks.js';
import type { SkeletonClient } from '../../context/clients/skeleton.js';
import { PlatformState } from '../engine/platform.js';
import type { MockScope } from './scope.js';

/** In-memory skeleton sections for the acting user. */
export class MockSkeleton implements SkeletonClient {
  constructor(private readonly scope: MockScope) {}

  async get<T = unknown>(section: string): Promise<T | null> {
    requireSegment('section', section, 'inbox');
    const v = this.scope.platform.skeleton.get(this.#key(section));
    return v === undefined ? null : (structuredClone(v) as T);
  }

  /** Test helper: sets a section's data. */
  seed(section: string, data: unknown): this {
    this.scope.platform.skeleton.set(this.#key(section), structuredClone(data));
    return this;
  }

  #key(section: string): string {
    requireSegment('section', section, 'inbox');
    return PlatformState.skeletonKey(this.scope.extensionId, this.scope.userId, section);
  }
}
