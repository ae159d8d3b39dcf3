/**
 * Who may call `POST /v1/rpc`: a platform call token
 * (`Authorization: ImperalCallToken <token>`, HMAC under `--call-token-secret`, a
 * rotation list newest first) or a user JWT (`Authorization: Bearer <jwt>`, RS256
 * against `--jwks-url`). Verification itself is `src/security/`'s; this module adds
 * what a host needs around it: the claims a call must carry (`tool_type` `tool` or
 * `chat_fn`, this extension's `app_id`, the envelope's `user_id`), a replay guard
 * (Redis when the host has Redis, a bounded in-memory cache otherwise) and one
 * refusal shape. Messages never contain token or secret material.
 *
 * @module
 */
import type { JSONWebKeySet } from 'jose';
import { ImperalError } from '../errors.js';
import { callTokenVerifier, type CallTokenClaims } from '../security/call-token.js';
import { createJwtVerifier, type JwtVerifier } from '../security/jwt.js';

/** Records a token id; resolves `false` when it was seen before (a replay). */
export type ReplayGuard = (jti: string, ttlSeconds: number) => boolean | Promise<boolean>;

/** Default bound of the in-memory replay cache. */
export const DEFAULT_REPLAY_CACHE_ENTRIES = 100_000;

/** The in-memory replay cache is full of unexpired token ids (the host answers 503, never forgets one early). */
export class ReplayCacheFullError extends ImperalError {
  constructor(maxEntries: number) {
    super(`the call-token replay cache holds ${maxEntries} unexpired tokens; raise the bound or configure Redis (--redis) for the replay guard`, { code: 'replay_cache_full' });
  }
}

/**
 * A bounded in-memory replay guard: at most `maxEntries` token ids, each kept until its
 * token expires. When full it first drops expired ids; if every id is still live it
 * refuses the new token rather than forget a live one (which would allow its replay).
 */
export function memoryReplayCache(options: { maxEntries?: number; now?: () => number } = {}): ReplayGuard & { readonly size: number } {
  const max = options.maxEntries ?? DEFAULT_REPLAY_CACHE_ENTRIES;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const sweep = (t: number): void => {
    for (const [jti, until] of seen) if (until <= t) seen.delete(jti);
  };
  const guard = (jti: string, ttlSeconds: number): boolean => {
    const t = now();
    const until = seen.get(jti);
    if (until !== undefined && until > t) return false;
    if (seen.size >= max) sweep(t);
    if (seen.size >= max) throw new ReplayCacheFullError(max);
    seen.set(jti, t + ttlSeconds * 1000);
    return true;
  };
  return Object.defineProperty(guard, 'size', { get: () => seen.size }) as ReplayGuard & { readonly size: number };
}

/** The one Redis command the Redis replay guard needs (ioredis and node-redis both have it). */
export interface RedisSetNx {
  set(key: string, value: string, mode: 'EX', seconds: number, flag: 'NX'): Promise<unknown>;
}

/** A replay guard shared by every host on one Redis: `SET <prefix><jti> 1 EX <ttl> NX`. */
export function redisReplayGuard(redis: RedisSetNx, prefix = 'imperal:rpc:calltoken:'): ReplayGuard {
  return async (jti, ttlSeconds) => (await redis.set(`${prefix}${jti}`, '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK';
}

/** Options of {@link createRpcAuth}. */
export interface RpcAuthOptions {
  /** This extension's app id (a token for another app is refused). */
  readonly appId: string;
  /** Call-token secrets, newest first (`--call-token-secret a,b`). */
  readonly callTokenSecrets?: readonly string[];
  /** JWT verification (`--jwks-url`, `--jwt-issuer`, `--jwt-audience`); `jwks` for a fixed key set. */
  readonly jwt?: { readonly jwksUrl?: string; readonly jwks?: JSONWebKeySet; readonly issuer?: string; readonly audience?: string };
  /** Accept calls without credentials (local development only). */
  readonly insecure?: boolean;
  /** Replay guard for call tokens (default: {@link memoryReplayCache}). */
  readonly replayGuard?: ReplayGuard;
  /** Clock in ms (tests). */
  readonly now?: () => number;
}

/** Who a verified call comes from. */
export interface Caller {
  readonly scheme: 'call-token' | 'jwt' | 'insecure';
  /** The user the credential was issued for (`null` for insecure calls). */
  readonly userId: string | null;
  /** The raw call token, forwarded to the gateway's skeleton/cache routes (never logged). */
  readonly callToken?: string;
  /**
   * For JWT callers: the identity the token proves. A user's own token cannot vouch for
   * the envelope's role, scopes or tenant, so these replace the envelope's.
   */
  readonly identity?: { readonly email: string; readonly role: string; readonly scopes: readonly string[]; readonly tenantId: string };
}

/** The outcome of a check: a caller, or a refusal with its HTTP status. */
export type AuthResult = { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly status: 401 | 503; readonly message: string };

/** Checks `/v1/rpc` credentials. */
export interface RpcAuth {
  /** What is accepted, for the start line: e.g. `call-token(2 secrets)+jwt`, `insecure`, `none`. */
  readonly description: string;
  /** True when some credential can be accepted (or `insecure`). */
  readonly configured: boolean;
  /** Checks the `Authorization` header (before the body is read); synchronous when it can be. */
  authenticate(authorization: string | undefined): AuthResult | Promise<AuthResult>;
  /** Checks a verified caller against the decoded envelope's `user_id`; a message when they differ. */
  mismatch(caller: Caller, envelopeUserId: string): string | null;
}

const refuse = (message: string, status: 401 | 503 = 401): AuthResult => ({ ok: false, status, message });
const CALL_TOKEN_TOOL_TYPES: ReadonlySet<string> = new Set(['tool', 'chat_fn']);

const AUTHORIZATION = /^(\S+)\s+(\S+)\s*$/;
const CALL_TOKEN_PREFIX = 'ImperalCallToken ';

/** `<scheme> <credential>` → the scheme in lower case and the credential; `['', '']` when the header is not that shape. */
function splitAuthorization(header: string | undefined): [string, string] {
  if (header === undefined) return ['', ''];
  // The platform's own spelling, without a regular expression (every call carries it).
  if (header.startsWith(CALL_TOKEN_PREFIX)) {
    const credential = header.slice(CALL_TOKEN_PREFIX.length);
    if (credential !== '' && !/\s/.test(credential)) return ['imperalcalltoken', credential];
  }
  const match = AUTHORIZATION.exec(header);
  return match ? [match[1]!.toLowerCase(), match[2]!] : ['', ''];
}

/** Builds the `/v1/rpc` credential check from the host's options. */
export function createRpcAuth(options: RpcAuthOptions): RpcAuth {
  const secrets = (options.callTokenSecrets ?? []).filter((s) => s.length > 0);
  const guard = options.replayGuard ?? memoryReplayCache(options.now ? { now: options.now } : {});
  const jwt: JwtVerifier | undefined =
    options.jwt && (options.jwt.jwksUrl || options.jwt.jwks)
      ? createJwtVerifier({ ...options.jwt, ...(options.now ? { now: options.now } : {}) })
      : undefined;
  const insecure = options.insecure === true;
  const parts = [secrets.length > 0 ? `call-token(${secrets.length} secret${secrets.length === 1 ? '' : 's'})` : '', jwt ? 'jwt' : '', insecure ? 'insecure' : ''].filter(Boolean);

  // Checked and keyed once; synchronous while the replay guard is (the in-memory one).
  const verify = secrets.length > 0 ? callTokenVerifier({ secrets, expect: { appId: options.appId }, markUsed: guard, ...(options.now ? { now: options.now } : {}) }) : undefined;
  const accepted = (claims: CallTokenClaims, token: string): AuthResult =>
    CALL_TOKEN_TOOL_TYPES.has(claims.tool_type)
      ? { ok: true, caller: { scheme: 'call-token', userId: claims.user_id, callToken: token } }
      : refuse(`call token tool_type '${claims.tool_type}' cannot call /v1/rpc (tool or chat_fn)`);
  const refused = (error: unknown): AuthResult => {
    if (error instanceof ReplayCacheFullError) return refuse(error.message, 503);
    return refuse(`call token refused: ${error instanceof ImperalError ? error.message : 'verification failed'}`);
  };

  function viaCallToken(token: string): AuthResult | Promise<AuthResult> {
    if (!verify) return refuse('call tokens are not accepted: the host has no --call-token-secret');
    try {
      const claims = verify(token);
      return claims instanceof Promise ? claims.then((c) => accepted(c, token), refused) : accepted(claims, token);
    } catch (error) {
      return refused(error);
    }
  }

  async function viaJwt(token: string): Promise<AuthResult> {
    if (!jwt) return refuse('bearer tokens are not accepted: the host has no --jwks-url');
    try {
      const user = await jwt(token);
      return { ok: true, caller: { scheme: 'jwt', userId: user.imperalId, identity: { email: user.email, role: user.role, scopes: user.scopes, tenantId: user.tenantId } } };
    } catch (error) {
      return refuse(`bearer token refused: ${error instanceof ImperalError ? error.message : 'verification failed'}`);
    }
  }

  const configured = parts.length > 0;
  return {
    description: configured ? parts.join('+') : 'none',
    configured,
    authenticate(authorization) {
      if (!configured) return refuse('this host accepts no /v1/rpc calls: start it with --call-token-secret or --jwks-url (or --insecure for local development)');
      const insecureCaller: AuthResult = { ok: true, caller: { scheme: 'insecure', userId: null } };
      const [scheme, credential] = splitAuthorization(authorization);
      // With --insecure, a credential of a kind the host cannot check is ignored, not refused.
      if (scheme === 'imperalcalltoken') return secrets.length > 0 || !insecure ? viaCallToken(credential) : insecureCaller;
      if (scheme === 'bearer') return jwt || !insecure ? viaJwt(credential) : insecureCaller;
      if (insecure && authorization === undefined) return insecureCaller;
      return refuse(authorization === undefined ? "missing 'Authorization: ImperalCallToken <token>' (or 'Bearer <jwt>')" : "unsupported Authorization scheme; use 'ImperalCallToken <token>' or 'Bearer <jwt>'");
    },
    mismatch(caller, envelopeUserId) {
      if (caller.userId === null || caller.userId === envelopeUserId) return null;
      return `the ${caller.scheme === 'jwt' ? 'bearer token' : 'call token'} was issued for another user than the envelope's user_id`;
    },
  };
}
