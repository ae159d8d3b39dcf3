/**
 * `MockSecrets`: `ctx.secrets` over an in-memory vault with the real
 * declaration, write-mode and size rules.
 *
 * @module
 */
import { inspect } from 'node:util';
import { APP_SCOPE_USER, describeSecrets, type SecretRules, type SecretStatus, type SecretsClient } from '../../context/clients/secrets.js';
import type { MockScope } from './scope.js';

/** In-memory `ctx.secrets`. Only declared names work, as in production. */
export class MockSecrets implements SecretsClient {
  readonly #scope: MockScope;
  readonly #rules: SecretRules;

  constructor(scope: MockScope, rules: SecretRules) {
    this.#scope = scope;
    this.#rules = rules;
  }

  private get scope(): MockScope {
    return this.#scope;
  }

  private get rules(): SecretRules {
    return this.#rules;
  }

  /** Declared names only. */
  toJSON(): ReturnType<typeof describeSecrets> {
    return describeSecrets('mock', this.#rules);
  }

  [inspect.custom](): string {
    return `MockSecrets ${JSON.stringify(this.toJSON())}`;
  }

  #owner(name: string): string {
    return this.rules.spec(name).scope === 'app' ? APP_SCOPE_USER : this.scope.userId;
  }

  async get(name: string): Promise<string | null> {
    const spec = this.rules.spec(name);
    const v = this.scope.platform.vault.read(this.scope.extensionId, this.#owner(name), name);
    if (v !== undefined) return this.rules.redactor.remember(v);
    return this.rules.redactor.remember(spec.scope === 'app' && spec.envFallback ? (process.env[spec.envFallback] ?? null) : null);
  }

  async set(name: string, value: string): Promise<void> {
    this.rules.checkWrite(name, value);
    this.scope.platform.vault.write(this.scope.extensionId, this.#owner(name), name, value);
  }

  async delete(name: string): Promise<boolean> {
    this.rules.checkWrite(name);
    return this.scope.platform.vault.remove(this.scope.extensionId, this.#owner(name), name);
  }

  async isSet(name: string): Promise<boolean> {
    this.rules.spec(name);
    return this.scope.platform.vault.has(this.scope.extensionId, this.#owner(name), name);
  }

  async list(): Promise<SecretStatus[]> {
    const v = this.scope.platform.vault;
    return this.rules.all().map((s) => {
      const owner = s.scope === 'app' ? APP_SCOPE_USER : this.scope.userId;
      return Object.freeze({ name: s.name, description: s.description, isSet: v.has(this.scope.extensionId, owner, s.name), lastAccessedAt: v.lastAccessed(this.scope.extensionId, owner, s.name) });
    });
  }

  /** Test helper: stores a value without the write-mode check (as a user would through the UI). */
  seed(name: string, value: string): this {
    this.rules.spec(name);
    this.scope.platform.vault.write(this.scope.extensionId, this.#owner(name), name, value);
    return this;
  }
}
