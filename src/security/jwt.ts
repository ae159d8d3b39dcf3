/**
 * Verifying platform user JWTs (RS256, keys from the auth gateway's JWKS) and
 * turning them into a {@link User}.
 *
 * @module
 */
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
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
  /** A fixed key set instead of fetching one (tests, air-gapped hosts). */
  readonly jwks?: JsonWebKeySetLike;
  /** Required `iss`, when the deployment sets one. */
  readonly issuer?: string;
  /** Required `aud`, when the deployment sets one. */
  readonly audience?: string;
  /** Allowed clock skew in seconds (default 0). */
  readonly clockToleranceSec?: number;
  /** Clock in milliseconds (tests). */
  readonly now?: () => number;
}

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

/** Builds a verifier: RS256 only; `sub`, `exp` and `iat` required; `iss`/`aud` checked when configured. */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  let keys: JWTVerifyGetKey;
  if (options.jwks) keys = createLocalJWKSet(options.jwks as unknown as JSONWebKeySet);
  else if (options.gatewayUrl) keys = createRemoteJWKSet(new URL('/v1/auth/.well-known/jwks.json', options.gatewayUrl), { cacheMaxAge: 3_600_000 });
  else throw new TypeError('createJwtVerifier needs gatewayUrl (to fetch the JWKS) or jwks');
  return async (token: string) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat'],
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
        clockTolerance: options.clockToleranceSec ?? 0,
        ...(options.now ? { currentDate: new Date(options.now()) } : {}),
      });
      return userFromClaims(payload);
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new AuthError('Token expired', { cause: err });
      if (err instanceof joseErrors.JOSEError) throw new AuthError(`Invalid token: ${err.code}`, { cause: err });
      throw new AuthError('Token verification failed', { cause: err });
    }
  };
}
