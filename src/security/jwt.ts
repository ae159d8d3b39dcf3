/**
 * Verifying platform user JWTs (RS256, keys from the auth gateway's JWKS) and
 * turning them into a {@link User}.
 *
 * @module
 */
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose';
import { AuthError } from '../errors.js';
import { User } from '../context/identity.js';

// The public types below are the SDK's own: jose is ESM-only, so naming its types
// in the CommonJS declarations (.d.cts) would break `skipLibCheck: false` projects.

/** One JSON Web Key (RFC 7517 §4): `kty` (required by the RFC) plus the members its key type uses (`n`, `e`, `kid`, `alg` …). */
export interface JsonWebKeyLike {
  readonly kty?: string;
  readonly kid?: string;
  readonly alg?: string;
  readonly use?: string;
  readonly [member: string]: unknown;
}

/** A JSON Web Key Set (RFC 7517 §5), as served at `/.well-known/jwks.json`. */
export interface JsonWebKeySetLike {
  readonly keys: readonly JsonWebKeyLike[];
}

/** The claims of a verified token (`sub`, `exp`, `iat`, and the platform's `email`, `tenant_id`, `org_id`, `role`, `scopes`). */
export type JwtClaims = Readonly<Record<string, unknown>>;

/** Options of {@link createJwtVerifier}. */
export interface JwtVerifierOptions {
  /** Auth gateway base URL; keys come from `<gatewayUrl>/v1/auth/.well-known/jwks.json`. */
  readonly gatewayUrl?: string;
  /** The key set's full URL, when it is not at the gateway's usual path (`imperal serve --jwks-url`). */
  readonly jwksUrl?: string;
  /** A fixed key set instead of fetching one (tests, air-gapped hosts). */
  readonly jwks?: JsonWebKeySetLike;
  /** Required `iss`, when the deployment sets one. */
  readonly issuer?: string;
  /** Required `aud`, when the deployment sets one. */
  readonly audience?: string;
  /** Allowed clock skew in seconds for `exp`/`nbf` (default 0). */
  readonly clockToleranceSec?: number;
  /** How far in the future `iat` may lie, in seconds (default {@link JWT_MAX_FUTURE_IAT_SEC}); later ones are refused. */
  readonly maxFutureIatSec?: number;
  /** Clock in milliseconds (tests). */
  readonly now?: () => number;
}

/** Default of {@link JwtVerifierOptions.maxFutureIatSec}. */
export const JWT_MAX_FUTURE_IAT_SEC = 60;

/** Subjects the platform keeps for itself (system calls, webhooks): never a user's token. */
export const RESERVED_SUBJECTS: ReadonlySet<string> = new Set(['__system__', '__webhook__']);

/** Verifies a bearer token and returns the user it stands for. */
export type JwtVerifier = (token: string) => Promise<User>;

/** Maps verified claims to a {@link User}. */
export function userFromClaims(payload: JwtClaims): User {
  const p = payload;
  const str = (v: unknown, d: string): string => (typeof v === 'string' && v ? v : d);
  return new User({
    imperalId: str(p.sub, ''),
    email: str(p.email, ''),
    tenantId: str(p.tenant_id, 'default'),
    orgId: typeof p.org_id === 'string' ? p.org_id : null,
    role: str(p.role, 'user'),
    scopes: Array.isArray(p.scopes) ? p.scopes.filter((s): s is string => typeof s === 'string') : [],
  });
}

/**
 * Builds a verifier: RS256 only; `sub`, `exp` and `iat` required; `iss`/`aud`
 * checked when configured; a reserved `sub` ({@link RESERVED_SUBJECTS}) or an `iat`
 * further in the future than `maxFutureIatSec` is refused. Every failure is an {@link AuthError}.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  if (options === null || typeof options !== 'object') throw new TypeError('createJwtVerifier needs an options object');
  const futureIat = options.maxFutureIatSec ?? JWT_MAX_FUTURE_IAT_SEC;
  if (typeof futureIat !== 'number' || !Number.isFinite(futureIat) || futureIat < 0) throw new TypeError('maxFutureIatSec must be a finite number of seconds, 0 or more');
  if (!options.jwks && !options.jwksUrl && !options.gatewayUrl) throw new TypeError('createJwtVerifier needs gatewayUrl or jwksUrl (to fetch the JWKS) or jwks');
  // jose loads on the first verification, not at import.
  let keys: JWTVerifyGetKey | undefined;
  return async (token: string) => {
    if (typeof token !== 'string' || token === '') throw new AuthError('Invalid token: missing');
    const jose = await import('jose');
    if (!keys) {
      if (options.jwks) keys = jose.createLocalJWKSet(options.jwks as unknown as JSONWebKeySet);
      else if (options.jwksUrl) keys = jose.createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: 3_600_000 });
      else keys = jose.createRemoteJWKSet(new URL('/v1/auth/.well-known/jwks.json', options.gatewayUrl), { cacheMaxAge: 3_600_000 });
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, keys, {
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat'],
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
        clockTolerance: options.clockToleranceSec ?? 0,
        ...(options.now ? { currentDate: new Date(options.now()) } : {}),
      }));
    } catch (err) {
      if (err instanceof jose.errors.JWTExpired) throw new AuthError('Token expired', { cause: err });
      if (err instanceof jose.errors.JOSEError) throw new AuthError(`Invalid token: ${err.code}`, { cause: err });
      throw new AuthError('Token verification failed', { cause: err });
    }
    if (typeof payload.sub !== 'string' || payload.sub === '' || RESERVED_SUBJECTS.has(payload.sub)) {
      throw new AuthError('Invalid token: its subject is empty or reserved for the platform');
    }
    const nowSec = Math.floor((options.now ?? Date.now)() / 1000);
    if (typeof payload.iat !== 'number' || payload.iat > nowSec + futureIat) throw new AuthError('Invalid token: issued in the future');
    return userFromClaims(payload);
  };
}
