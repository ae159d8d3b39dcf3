/**
 * Verifying platform user JWTs (RS256, keys from the auth gateway's JWKS) and
 * turning them into a {@link User}.
 *
 * @module
 */
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from 'jose';
import { AuthError } from '../errors.js';
import { User } from '../context/identity.js';

/** Options of {@link createJwtVerifier}. */
export interface JwtVerifierOptions {
  /** Auth gateway base URL; keys come from `<gatewayUrl>/v1/auth/.well-known/jwks.json`. */
  readonly gatewayUrl?: string;
  /** The key set's full URL, when it is not at the gateway's usual path (`imperal serve --jwks-url`). */
  readonly jwksUrl?: string;
  /** A fixed key set instead of fetching one (tests, air-gapped hosts). */
  readonly jwks?: JSONWebKeySet;
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
export function userFromClaims(payload: JWTPayload): User {
  const p = payload as JWTPayload & Record<string, unknown>;
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
  if (!options.jwks && !options.jwksUrl && !options.gatewayUrl) throw new TypeError('createJwtVerifier needs gatewayUrl or jwksUrl (to fetch the JWKS) or jwks');
  // jose loads on the first verification, not at import.
  let keys: JWTVerifyGetKey | undefined;
  return async (token: string) => {
    const jose = await import('jose');
    if (!keys) {
      if (options.jwks) keys = jose.createLocalJWKSet(options.jwks);
      else if (options.jwksUrl) keys = jose.createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: 3_600_000 });
      else keys = jose.createRemoteJWKSet(new URL('/v1/auth/.well-known/jwks.json', options.gatewayUrl), { cacheMaxAge: 3_600_000 });
    }
    try {
      const { payload } = await jose.jwtVerify(token, keys, {
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat'],
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
        clockTolerance: options.clockToleranceSec ?? 0,
        ...(options.now ? { currentDate: new Date(options.now()) } : {}),
      });
      return userFromClaims(payload);
    } catch (err) {
      if (err instanceof jose.errors.JWTExpired) throw new AuthError('Token expired', { cause: err });
      if (err instanceof jose.errors.JOSEError) throw new AuthError(`Invalid token: ${err.code}`, { cause: err });
      throw new AuthError('Token verification failed', { cause: err });
    }
  };
}
