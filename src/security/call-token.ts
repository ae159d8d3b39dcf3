/**
 * Platform call tokens: a per-invocation HMAC token the kernel mints and the
 * gateway checks on the skeleton and cache routes
 * (`Authorization: ImperalCallToken <token>`).
 *
 * Format: `b64url(payload).b64url(hmac)`, unpadded; the payload is the compact
 * JSON of the claims with keys sorted.
 *
 * @module
 */
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { CallTokenError } from '../errors.js';
import { bytesOf, hmacSha256 } from './hmac.js';

/** Tool types a call token may name. */
export type CallTokenToolType = 'skeleton' | 'panel' | 'tool' | 'chat_fn';
const TOOL_TYPES: ReadonlySet<string> = new Set(['skeleton', 'panel', 'tool', 'chat_fn']);
/** Longest token accepted. */
export const CALL_TOKEN_MAX_LENGTH = 2048;
/** Default of {@link VerifyCallTokenOptions.maxLifetimeSec}: the longest `exp - iat` accepted. */
export const CALL_TOKEN_MAX_LIFETIME_SEC = 300;
/** Default of {@link VerifyCallTokenOptions.clockSkewSec}: how far in the future `iat` may lie (clocks differ a little). */
export const CALL_TOKEN_CLOCK_SKEW_SEC = 30;

/** The claims of a call token. */
export interface CallTokenClaims {
  readonly app_id: string;
  readonly exp: number;
  readonly iat: number;
  readonly jti: string;
  readonly tool_type: CallTokenToolType;
  readonly user_id: string;
}

/** Options of {@link mintCallToken}. */
export interface MintCallTokenOptions {
  readonly toolType: CallTokenToolType;
  readonly appId: string;
  readonly userId: string;
  /** Lifetime in seconds (negative values mint expired tokens for tests). */
  readonly ttlSeconds: number;
  readonly secret: string | Uint8Array;
  /** Clock in milliseconds. */
  readonly now?: () => number;
}

/** Options of {@link verifyCallToken}. */
export interface VerifyCallTokenOptions {
  /** Current secret first, then previous ones still accepted during rotation. */
  readonly secrets: readonly (string | Uint8Array)[];
  /** Claims that must match (tool type may be omitted for the cache routes). */
  readonly expect?: { readonly toolType?: CallTokenToolType; readonly appId?: string; readonly userId?: string };
  readonly now?: () => number;
  /**
   * Replay guard: returns `false` when `jti` was seen before (records it otherwise).
   * Called only once every other check passed, so a token refused for another reason is not used up.
   */
  readonly markUsed?: (jti: string, ttlSeconds: number) => boolean | Promise<boolean>;
  /** Longest lifetime (`exp - iat`) accepted, in seconds (default {@link CALL_TOKEN_MAX_LIFETIME_SEC}). */
  readonly maxLifetimeSec?: number;
  /** How far `iat` may lie in the future, in seconds (default {@link CALL_TOKEN_CLOCK_SKEW_SEC}). */
  readonly clockSkewSec?: number;
}

const b64url = (buf: Uint8Array): string => Buffer.from(buf).toString('base64url');

/** The canonical payload: compact JSON, keys sorted. */
function encodePayload(claims: CallTokenClaims): string {
  const sorted = Object.fromEntries(Object.entries(claims).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(sorted);
}

/** True for a usable HMAC key: a non-blank string or non-empty bytes. */
function usableSecret(secret: unknown): secret is string | Uint8Array {
  if (typeof secret === 'string') return secret.trim() !== '';
  return secret instanceof Uint8Array && secret.byteLength > 0;
}

const EMPTY_SECRET = 'call token secret must be a non-empty string or non-empty bytes (an empty key would let anyone mint tokens)';

/** Mints a call token. @throws {@link CallTokenError} for an empty secret or bad claims. */
export function mintCallToken(o: MintCallTokenOptions): string {
  if (o === null || typeof o !== 'object') throw new CallTokenError('mintCallToken needs an options object');
  if (!usableSecret(o.secret)) throw new CallTokenError(EMPTY_SECRET);
  if (!TOOL_TYPES.has(o.toolType)) throw new CallTokenError(`tool_type must be one of skeleton, panel, tool, chat_fn (got '${String(o.toolType)}')`);
  if (typeof o.appId !== 'string' || typeof o.userId !== 'string') throw new CallTokenError('appId and userId must be strings');
  if (!Number.isSafeInteger(o.ttlSeconds)) throw new CallTokenError('ttlSeconds must be a whole number of seconds');
  const iat = Math.floor((o.now ?? Date.now)() / 1000);
  const claims: CallTokenClaims = {
    app_id: o.appId,
    exp: iat + o.ttlSeconds,
    iat,
    jti: b64url(randomBytes(16)),
    tool_type: o.toolType,
    user_id: o.userId,
  };
  const payload = Buffer.from(encodePayload(claims), 'utf8');
  return `${b64url(payload)}.${b64url(hmacSha256(o.secret, payload))}`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Checks that `part` is unpadded base64url in its canonical spelling: a length that
 * whole bytes can have, and no stray bits in the last character (one token, one
 * spelling). Checked on the text, without decoding and encoding it again.
 */
function checkPart(part: string): void {
  if (!BASE64URL.test(part)) throw new CallTokenError('malformed call token: not base64url');
  const rest = part.length % 4;
  if (rest === 0) return;
  const c = part.charCodeAt(part.length - 1);
  // The character's 6-bit value: A–Z 0–25, a–z 26–51, 0–9 52–61, '-' 62, '_' 63.
  const value = c === 95 ? 63 : c === 45 ? 62 : c >= 97 ? c - 71 : c >= 65 ? c - 65 : c + 4;
  if (rest === 1 || (value & (rest === 2 ? 0x0f : 0x03)) !== 0) throw new CallTokenError('malformed call token: not canonical base64url');
}

/**
 * Constant-time equality of two ASCII texts of the same alphabet (signatures in
 * base64url): every character is compared whatever the first difference.
 */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function readClaims(payload: Buffer): CallTokenClaims {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new CallTokenError('malformed call token payload: not JSON', { cause: err });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new CallTokenError('malformed call token payload: not a JSON object');
  const bad = (field: string): never => {
    throw new CallTokenError(`malformed call token payload: bad '${field}'`);
  };
  if (typeof raw.tool_type !== 'string' || !TOOL_TYPES.has(raw.tool_type)) bad('tool_type');
  if (typeof raw.app_id !== 'string') bad('app_id');
  if (typeof raw.user_id !== 'string') bad('user_id');
  if (!Number.isInteger(raw.iat)) bad('iat');
  if (!Number.isInteger(raw.exp)) bad('exp');
  if (typeof raw.jti !== 'string' || raw.jti.length < 16) bad('jti');
  return raw as unknown as CallTokenClaims;
}

function positiveSeconds(value: number | undefined, fallback: number, name: string, allowZero = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new CallTokenError(`${name} must be a finite number of seconds${allowZero ? '' : ' above 0'}`);
  }
  return value;
}

/**
 * A verifier for many tokens under one set of options: the options are checked once
 * (a {@link CallTokenError} here for bad ones), the secrets turned into HMAC keys once.
 * It answers synchronously when the replay guard does (a host's in-memory guard), and
 * with a promise when the guard returns one (Redis). Checks are those of {@link verifyCallToken}.
 */
export function callTokenVerifier(o: VerifyCallTokenOptions): (token: string) => CallTokenClaims | Promise<CallTokenClaims> {
  if (o === null || typeof o !== 'object') throw new CallTokenError('verifyCallToken needs an options object');
  const secrets: unknown = o.secrets;
  if (!Array.isArray(secrets) || secrets.length === 0 || !secrets.every(usableSecret)) throw new CallTokenError(EMPTY_SECRET);
  const keys = (secrets as (string | Uint8Array)[]).map((s) => createSecretKey(bytesOf(s)));
  const maxLifetime = positiveSeconds(o.maxLifetimeSec, CALL_TOKEN_MAX_LIFETIME_SEC, 'maxLifetimeSec');
  const skew = positiveSeconds(o.clockSkewSec, CALL_TOKEN_CLOCK_SKEW_SEC, 'clockSkewSec', true);
  const clock = o.now ?? Date.now;
  const e = o.expect ?? {};
  const markUsed = o.markUsed;
  return (token) => {
    if (typeof token !== 'string' || token === '') throw new CallTokenError('missing call token');
    if (token.length > CALL_TOKEN_MAX_LENGTH) throw new CallTokenError('token length exceeds limit');
    const dot = token.indexOf('.');
    if (dot < 0) throw new CallTokenError('malformed call token');
    const encodedPayload = token.slice(0, dot);
    const signature = token.slice(dot + 1);
    checkPart(encodedPayload);
    checkPart(signature);
    const payload = Buffer.from(encodedPayload, 'base64url');
    // Compared as base64url text (canonical on both sides): no buffers made per token.
    if (!keys.some((key) => sameText(signature, createHmac('sha256', key).update(payload).digest('base64url')))) {
      throw new CallTokenError('invalid call token signature');
    }
    const claims = readClaims(payload);
    const now = Math.floor(clock() / 1000);
    if (claims.exp <= now) throw new CallTokenError('call token expired');
    if (claims.iat > now + skew) throw new CallTokenError('call token issued in the future (clock skew beyond clockSkewSec)');
    if (claims.exp - claims.iat > maxLifetime) throw new CallTokenError(`call token lifetime exceeds ${maxLifetime} s (maxLifetimeSec)`);
    if (e.toolType !== undefined && claims.tool_type !== e.toolType) throw new CallTokenError('tool_type mismatch');
    if (e.appId !== undefined && claims.app_id !== e.appId) throw new CallTokenError('app_id mismatch');
    if (e.userId !== undefined && claims.user_id !== e.userId) throw new CallTokenError('user_id mismatch');
    // Last: a token refused above is not recorded, so showing it with the wrong claims does not use it up.
    if (!markUsed) return claims;
    const fresh = markUsed(claims.jti, Math.max(1, claims.exp - now));
    if (fresh === true) return claims;
    if (fresh === false) throw new CallTokenError('call token replayed');
    return Promise.resolve(fresh).then((ok) => {
      if (!ok) throw new CallTokenError('call token replayed');
      return claims;
    });
  };
}

/**
 * Verifies a call token and returns its claims; throws {@link CallTokenError}.
 * Checks, in order: shape and canonical encoding, signature (any of `secrets`),
 * claims, expiry, `iat` not in the future beyond `clockSkewSec`, lifetime within
 * `maxLifetimeSec`, the expected claims — and only then the replay guard.
 * To verify many tokens under the same options, {@link callTokenVerifier} does the
 * option checks once.
 */
export async function verifyCallToken(token: string, o: VerifyCallTokenOptions): Promise<CallTokenClaims> {
  return callTokenVerifier(o)(token);
}

/** An in-memory replay guard for {@link VerifyCallTokenOptions.markUsed} (single process, tests and dev). */
export function memoryReplayGuard(now: () => number = Date.now): (jti: string, ttlSeconds: number) => boolean {
  const seen = new Map<string, number>();
  return (jti, ttlSeconds) => {
    const t = now();
    for (const [k, until] of seen) if (until <= t) seen.delete(k);
    if (seen.has(jti)) return false;
    seen.set(jti, t + ttlSeconds * 1000);
    return true;
  };
}
