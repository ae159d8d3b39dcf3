/**
 * `ctx.secrets`: the extension's declared secrets in the platform vault.
 * Only names declared with `ext.secret({...})` are reachable; values are never
 * cached, logged or put into error messages.
 *
 * @module
 */
import { inspect } from 'node:util';
import { SecretNotDeclaredError, SecretValueTooLarge, SecretVaultUnavailable, SecretWriteForbidden, ValidationError } from '../../errors.js';
import { APIError } from '../../errors.js';
import { seg, type CallOptions, type GatewayCall, type GatewayReply } from '../../http/gateway.js';
import type { SecretDeclarationLike } from '../extension-like.js';
import { MIN_SECRET_LENGTH, SecretRedactor } from '../redactor.js';
import type { ClientScope } from './scope.js';

/** Upstream secrets timeout. */
const SECRETS_TIMEOUT_MS = 5_000;
/** Acting user of app-scoped secrets (one value per installation). */
export const APP_SCOPE_USER = '__app__';

/** One secret's status (never its value). */
export interface SecretStatus {
  readonly name: string;
  readonly description: string;
  readonly isSet: boolean;
  /** Epoch seconds of the last read, `null` when never read. */
  readonly lastAccessedAt: number | null;
}

/** The `ctx.secrets` interface, implemented by the vault client, dev mode and `MockSecrets`. */
export interface SecretsClient {
  /** The value, or `null` when unset. */
  get(name: string, options?: CallOptions): Promise<string | null>;
  /** Stores a value (only secrets with `writeMode` `extension` or `both`). */
  set(name: string, value: string, options?: CallOptions): Promise<void>;
  /** Clears a value; `true` when one was set. */
  delete(name: string, options?: CallOptions): Promise<boolean>;
  isSet(name: string, options?: CallOptions): Promise<boolean>;
  /** Status of every declared secret. */
  list(options?: CallOptions): Promise<SecretStatus[]>;
}

/** The declaration rules every implementation applies before touching a value. */
export class SecretRules {
  readonly #declared: ReadonlyMap<string, SecretDeclarationLike>;
  readonly appId: string;
  /** Remembers every value read or written, so logs, errors and results can mask it. */
  readonly redactor: SecretRedactor;

  constructor(declared: ReadonlyMap<string, SecretDeclarationLike>, appId: string, redactor: SecretRedactor = new SecretRedactor()) {
    this.#declared = declared;
    this.appId = appId;
    this.redactor = redactor;
  }

  /** The declaration of `name`; {@link SecretNotDeclaredError} when there is none. */
  spec(name: string): SecretDeclarationLike {
    const spec = typeof name === 'string' ? this.#declared.get(name) : undefined;
    if (!spec) throw new SecretNotDeclaredError(typeof name === 'string' ? name : typeof name, this.appId);
    return spec;
  }

  /**
   * Checks that the extension may write `name` (and, for `set`, the value). The
   * value is remembered first, so even a refused write has it masked wherever the
   * handler lets it (or the error) travel.
   *
   * A value shorter than {@link MIN_SECRET_LENGTH} characters is accepted, as the 5.11 clients
   * accept it, and masked like any other (it was remembered above).
   */
  checkWrite(name: string, value?: string): SecretDeclarationLike {
    if (typeof value === 'string') this.redactor.remember(value);
    const spec = this.spec(name);
    if (spec.writeMode === 'user') throw new SecretWriteForbidden(name, spec.writeMode);
    if (value !== undefined) {
      if (typeof value !== 'string') throw new ValidationError('value', `secret '${name}' value must be a string (got ${value === null ? 'null' : typeof value})`);
      const size = Buffer.byteLength(value, 'utf8');
      if (size > spec.maxBytes) throw new SecretValueTooLarge(name, size, spec.maxBytes);
    }
    return spec;
  }

  /** Every declaration, in declaration order. */
  all(): SecretDeclarationLike[] {
    return [...this.#declared.values()];
  }

  /** Names only. */
  toJSON(): { appId: string; declared: string[] } {
    return { appId: this.appId, declared: [...this.#declared.keys()] };
  }

  [inspect.custom](): string {
    return `SecretRules ${JSON.stringify(this.toJSON())}`;
  }
}

/** What `util.inspect`, `console.log` and `JSON.stringify` show of a secrets client: declared names, never values. */
export function describeSecrets(kind: string, rules: SecretRules): { client: string; appId: string; declared: string[] } {
  return { client: kind, ...rules.toJSON() };
}

/** `ctx.secrets` over the auth gateway's `/v1/secrets/{app}/{name}` API. */
export class VaultSecretsClient implements SecretsClient {
  readonly #scope: ClientScope;
  readonly #rules: SecretRules;

  constructor(scope: ClientScope, rules: SecretRules) {
    this.#scope = scope;
    this.#rules = rules;
  }

  private get scope(): ClientScope {
    return this.#scope;
  }

  private get rules(): SecretRules {
    return this.#rules;
  }

  /** Declared names only. */
  toJSON(): ReturnType<typeof describeSecrets> {
    return describeSecrets('vault', this.#rules);
  }

  [inspect.custom](): string {
    return `SecretsClient ${JSON.stringify(this.toJSON())}`;
  }

  async get(name: string, options?: CallOptions): Promise<string | null> {
    const spec = this.rules.spec(name);
    const reply = await this.#call('get', spec, 'GET', '', [404], options);
    if (reply.status === 404) return this.rules.redactor.remember(spec.envFallback && spec.scope === 'app' ? (process.env[spec.envFallback] ?? null) : null);
    const value = reply.object().value;
    return this.rules.redactor.remember(typeof value === 'string' ? value : null);
  }

  async set(name: string, value: string, options?: CallOptions): Promise<void> {
    const spec = this.rules.checkWrite(name, value);
    await this.#call('set', spec, 'PUT', '', [], options, { value });
  }

  async delete(name: string, options?: CallOptions): Promise<boolean> {
    const spec = this.rules.checkWrite(name);
    const reply = await this.#call('delete', spec, 'DELETE', '', [], options);
    return reply.object().was_set === true;
  }

  async isSet(name: string, options?: CallOptions): Promise<boolean> {
    const spec = this.rules.spec(name);
    const reply = await this.#call('isSet', spec, 'GET', '/meta', [404], options);
    return reply.status !== 404 && reply.object().is_set === true;
  }

  async list(options?: CallOptions): Promise<SecretStatus[]> {
    const reply = await this.#send('list', {
      what: 'secrets.list',
      method: 'GET',
      path: `/v1/secrets/${seg(this.scope.extensionId, 'extensionId')}`,
      headers: this.scope.secrets(this.scope.userId),
      timeoutMs: SECRETS_TIMEOUT_MS,
      options,
    });
    const raw = reply.json();
    return (Array.isArray(raw) ? raw : []).map((s: Record<string, unknown>) =>
      Object.freeze({
        name: String(s.name ?? ''),
        description: String(s.description ?? ''),
        isSet: s.is_set === true,
        lastAccessedAt: typeof s.last_accessed_at === 'number' ? s.last_accessed_at : null,
      }),
    );
  }

  #call(
    op: string,
    spec: SecretDeclarationLike,
    method: 'GET' | 'PUT' | 'DELETE',
    suffix: string,
    accept: number[],
    options: CallOptions | undefined,
    json?: unknown,
  ): Promise<GatewayReply> {
    // 5.11 sends the acting user for app-scoped secrets too; the vault itself keeps
    // one value per installation for them (the local gateway files it under `__app__`).
    const acting = this.scope.userId;
    return this.#send(op, {
      what: `secrets.${op}`,
      method,
      path: `/v1/secrets/${seg(this.scope.extensionId, 'extensionId')}/${seg(spec.name, 'name')}${suffix}`,
      headers: this.scope.secrets(acting),
      json,
      timeoutMs: SECRETS_TIMEOUT_MS,
      accept,
      options,
    });
  }

  /** Vault outages (no answer, 5xx) become {@link SecretVaultUnavailable}; other SDK errors pass through. */
  async #send(op: string, call: GatewayCall): Promise<GatewayReply> {
    try {
      return await this.scope.http.call(call);
    } catch (err) {
      if (err instanceof APIError && (err.statusCode === 0 || err.statusCode >= 500)) {
        throw new SecretVaultUnavailable(`secret vault unreachable on ${op} (${err.code})`, { cause: err });
      }
      throw err;
    }
  }
}

/** Whether `IMPERAL_DEV_MODE` turns on env-backed secrets. */
export function secretsDevMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.IMPERAL_DEV_MODE ?? '');
}

/**
 * Dev-mode `ctx.secrets`: values come from `IMPERAL_SECRET_<NAME>` (or the
 * declaration's `envFallback`); writes are checked, then ignored.
 */
export class EnvSecretsClient implements SecretsClient {
  // Private fields: `util.inspect` never walks them, so process.env stays out of any dump.
  readonly #rules: SecretRules;
  readonly #env: NodeJS.ProcessEnv;

  constructor(rules: SecretRules, env: NodeJS.ProcessEnv = process.env) {
    this.#rules = rules;
    this.#env = env;
  }

  private get rules(): SecretRules {
    return this.#rules;
  }

  /** Declared names only. */
  toJSON(): ReturnType<typeof describeSecrets> {
    return describeSecrets('env', this.#rules);
  }

  [inspect.custom](): string {
    return `SecretsClient ${JSON.stringify(this.toJSON())}`;
  }

  #read(name: string): string | undefined {
    const spec = this.rules.spec(name);
    return this.#env[`IMPERAL_SECRET_${spec.name.toUpperCase()}`] ?? (spec.envFallback ? this.#env[spec.envFallback] : undefined);
  }

  async get(name: string): Promise<string | null> {
    return this.rules.redactor.remember(this.#read(name) ?? null);
  }

  async set(name: string, value: string): Promise<void> {
    this.rules.checkWrite(name, value);
  }

  async delete(name: string): Promise<boolean> {
    this.rules.checkWrite(name);
    return false;
  }

  async isSet(name: string): Promise<boolean> {
    return this.#read(name) !== undefined;
  }

  async list(): Promise<SecretStatus[]> {
    return this.rules.all().map((s) => Object.freeze({ name: s.name, description: s.description, isSet: this.#read(s.name) !== undefined, lastAccessedAt: null }));
  }
}
