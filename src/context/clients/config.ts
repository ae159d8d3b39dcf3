/**
 * `ctx.config`: the extension's resolved configuration (platform → tenant →
 * role defaults → app → user, merged by the kernel). Read-only, no network.
 *
 * @module
 */
import { ValidationError } from '../../errors.js';
import { isPlainObject } from '../../types/json.js';

/** The `ctx.config` interface; the real client and `MockConfig` are the same class. */
export interface ConfigClient {
  /** The value at a dotted path, or `fallback` when a step is missing (a stored `null` is returned as `null`). */
  get<T = unknown>(key: string, fallback: T): T;
  /** The value at a dotted path, `undefined` when a step is missing: `ctx.config.get<number>('limits.max')`. */
  get<T = unknown>(key: string): T | undefined;
  /** A deep copy of a top-level section, `{}` when it is not an object. */
  getSection(section: string): Record<string, unknown>;
  /** A deep copy of everything. */
  all(): Record<string, unknown>;
  /** The value at `key`; a {@link ValidationError} naming the key when it is missing or null. */
  require<T = unknown>(key: string): T;
}

/** Config over a resolved object. */
export class StaticConfigClient implements ConfigClient {
  readonly #data: Record<string, unknown>;

  constructor(resolved: Record<string, unknown> = {}) {
    this.#data = structuredClone(resolved);
  }

  get<T = unknown>(key: string, fallback: T): T;
  get<T = unknown>(key: string): T | undefined;
  get<T = unknown>(key: string, fallback?: T): T | undefined {
    let node: unknown = this.#data;
    for (const part of key.split('.')) {
      if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, part)) return fallback;
      node = node[part];
    }
    return node as T;
  }

  getSection(section: string): Record<string, unknown> {
    const v = this.#data[section];
    return isPlainObject(v) ? structuredClone(v) : {};
  }

  all(): Record<string, unknown> {
    return structuredClone(this.#data);
  }

  require<T = unknown>(key: string): T {
    const v = this.get<T>(key);
    if (v === undefined || v === null) {
      throw new ValidationError(key, `required config key '${key}' is not set; add it to the extension's config defaults or the tenant/user settings`);
    }
    return v;
  }
}
