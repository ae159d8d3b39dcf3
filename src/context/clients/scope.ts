/**
 * What every real client needs: the gateway connection, the acting identity
 * and the tokens. Tokens live in private fields so they never show up in
 * `console.log`, `JSON.stringify` or error messages.
 *
 * @module
 */
import { inspect } from 'node:util';
import { GatewayHttp } from '../../http/gateway.js';

/** Fields of a {@link ClientScope}. */
export interface ClientScopeInit {
  readonly http: GatewayHttp;
  readonly extensionId: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly serviceToken: string;
  /** Per-invocation HMAC call token (skeleton and cache endpoints). */
  readonly callToken?: string | undefined;
  /** auth-gw session token for the secrets vault (defaults to the service token). */
  readonly sessionToken?: string | undefined;
}

/** The acting identity and credentials shared by the clients of one Context. */
export class ClientScope {
  readonly http: GatewayHttp;
  readonly extensionId: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly #serviceToken: string;
  readonly #callToken: string;
  readonly #sessionToken: string;

  constructor(init: ClientScopeInit) {
    this.http = init.http;
    this.extensionId = init.extensionId;
    this.userId = init.userId;
    this.tenantId = init.tenantId;
    this.#serviceToken = init.serviceToken;
    this.#callToken = init.callToken ?? '';
    this.#sessionToken = init.sessionToken ?? init.serviceToken;
  }

  /** The same credentials acting for another user (system fan-out). */
  forUser(userId: string): ClientScope {
    return new ClientScope({
      http: this.http,
      extensionId: this.extensionId,
      userId,
      tenantId: this.tenantId,
      serviceToken: this.#serviceToken,
      callToken: this.#callToken,
      sessionToken: this.#sessionToken,
    });
  }

  /** `X-Service-Token` (store, ai, billing, chat inject, events, extension calls). */
  service(): Record<string, string> {
    return { 'x-service-token': this.#serviceToken };
  }

  /** `Authorization: Bearer <service token>` (notify, storage). */
  bearer(): Record<string, string> {
    return { authorization: `Bearer ${this.#serviceToken}` };
  }

  /** Service token plus `Authorization: ImperalCallToken` when one was minted (skeleton, cache). */
  callToken(): Record<string, string> {
    return this.#callToken
      ? { 'x-service-token': this.#serviceToken, authorization: `ImperalCallToken ${this.#callToken}` }
      : { 'x-service-token': this.#serviceToken };
  }

  /** Secrets vault headers: session Bearer, acting user, extension id. */
  secrets(actingUser: string): Record<string, string> {
    return { authorization: `Bearer ${this.#sessionToken}`, 'x-acting-user': actingUser, 'x-ext-id': this.extensionId };
  }

  /** Redacted view. */
  toJSON(): Record<string, string> {
    return { gateway: this.http.baseUrl, extensionId: this.extensionId, userId: this.userId, tenantId: this.tenantId, tokens: '[redacted]' };
  }

  /** Redacted view for `util.inspect` / `console.log`. */
  [inspect.custom](): string {
    return `ClientScope ${JSON.stringify(this.toJSON())}`;
  }

  /** Redacted view. */
  toString(): string {
    return `ClientScope(${this.extensionId}@${this.http.baseUrl} as ${this.userId})`;
  }
}
