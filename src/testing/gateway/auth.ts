/**
 * Credential checks of the local gateway: which header each route family
 * expects, as the real gateway does.
 *
 * @module
 */
import { AuthError } from '../../errors.js';
import { verifyCallToken } from '../../security/call-token.js';
import type { GatewayRequest } from './router.js';

/** The credentials the local gateway accepts. */
export interface GatewayCredentials {
  /** Expected `X-Service-Token` / Bearer token (any non-empty token when unset). */
  readonly serviceToken?: string | undefined;
  /** When set, skeleton and cache routes require a valid `ImperalCallToken` signed with it. */
  readonly callTokenSecret?: string | undefined;
  readonly now: () => number;
}

function header(req: GatewayRequest, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function checkToken(token: string, creds: GatewayCredentials, what: string): void {
  if (!token || (creds.serviceToken !== undefined && token !== creds.serviceToken)) throw new AuthError(`missing or wrong ${what}`);
}

/** Routes guarded by `X-Service-Token`. */
export function requireServiceToken(req: GatewayRequest, creds: GatewayCredentials): void {
  checkToken(header(req, 'x-service-token'), creds, 'X-Service-Token');
}

/** Routes guarded by `Authorization: Bearer` (notify, storage, secrets). */
export function requireBearer(req: GatewayRequest, creds: GatewayCredentials): void {
  const auth = header(req, 'authorization');
  checkToken(auth.startsWith('Bearer ') ? auth.slice(7) : '', creds, 'Bearer token');
}

/** Skeleton and cache routes: service token, plus a call token for `appId`/`userId` when configured. */
export async function requireCallToken(req: GatewayRequest, creds: GatewayCredentials, appId: string, userId: string, toolType?: 'skeleton'): Promise<void> {
  requireServiceToken(req, creds);
  if (!creds.callTokenSecret) return;
  const auth = header(req, 'authorization');
  if (!auth.startsWith('ImperalCallToken ')) throw new AuthError('missing ImperalCallToken');
  try {
    await verifyCallToken(auth.slice('ImperalCallToken '.length), {
      secrets: [creds.callTokenSecret],
      expect: { appId, userId, ...(toolType ? { toolType } : {}) },
      now: creds.now,
    });
  } catch (err) {
    throw new AuthError(`call token rejected: ${(err as Error).message}`);
  }
}
