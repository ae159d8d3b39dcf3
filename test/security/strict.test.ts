/**
 * Strict signatures and tokens (issue 10, items 4 and 5): empty or blank secrets
 * are refused, bad options are typed errors, odd headers and bodies give false,
 * the replay guard records only accepted tokens, only canonical base64url
 * verifies, lifetimes and future `iat`s are bounded, reserved JWT subjects refused.
 */
import { createHmac } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError, CallTokenError, ValidationError, WebhookVerificationError } from '../../src/errors.js';
import { callTokenVerifier, memoryReplayGuard, mintCallToken, verifyCallToken } from '../../src/security/call-token.js';
import { createJwtVerifier } from '../../src/security/jwt.js';
import { isValidWebhookSignature, signWebhook, verifyWebhookSignature, type VerifyWebhookOptions } from '../../src/security/webhook.js';

const body = '{"ok":true}';
const now = () => 1_767_225_600_000;

function reason(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    if (error instanceof ValidationError) return `validation:${error.field}`;
    throw error;
  }
}

describe('webhook verification is strict', () => {
  const signed = signWebhook({ secret: 'k', body, scheme: 'stripe', now });
  const base: VerifyWebhookOptions = { secret: 'k', body, headers: signed.headers, scheme: 'stripe', now };

  it.each([[''], ['   '], ['\t\n']])('a blank secret %j is refused when signing and verifying', (secret) => {
    expect(() => signWebhook({ secret, body })).toThrow(WebhookVerificationError);
    expect(reason(() => verifyWebhookSignature({ ...base, secret }))).toBe('missing_secret');
    expect(() => isValidWebhookSignature({ ...base, secret })).toThrow(WebhookVerificationError);
  });

  it.each([['whsec_'], ['whsec_===='], ['whsec_!!!!']])('a Standard Webhooks secret %j without a key is refused', (secret) => {
    expect(() => signWebhook({ secret, body, scheme: 'standard', now })).toThrow(/non-empty base64 key/);
    const headers = signWebhook({ secret: 'whsec_a2V5', body, scheme: 'standard', now }).headers;
    expect(reason(() => verifyWebhookSignature({ secret, body, headers, scheme: 'standard', now }))).toBe('missing_secret');
  });

  it('a rotation list with a blank or non-string entry, or no entry, is refused', () => {
    expect(reason(() => verifyWebhookSignature({ ...base, secret: ['k', ''] }))).toBe('missing_secret');
    expect(reason(() => verifyWebhookSignature({ ...base, secret: [] }))).toBe('missing_secret');
    expect(reason(() => verifyWebhookSignature({ ...base, secret: 42 as never }))).toBe('missing_secret');
    expect(reason(() => verifyWebhookSignature({ ...base, secret: null as never }))).toBe('missing_secret');
  });

  it.each([[0], [-1], [Number.NaN], [Number.POSITIVE_INFINITY], ['300']])('toleranceSec %s is a ValidationError', (toleranceSec) => {
    expect(reason(() => verifyWebhookSignature({ ...base, toleranceSec: toleranceSec as number }))).toBe('validation:toleranceSec');
  });

  it('null headers, non-string header values and missing bodies give false, never a TypeError', () => {
    const odd: Array<VerifyWebhookOptions['headers']> = [
      null as never,
      undefined as never,
      'x' as never,
      { 'stripe-signature': 42 as never },
      { 'stripe-signature': [42, null] as never },
      { 'stripe-signature': { t: 1 } as never },
    ];
    for (const headers of odd) expect(isValidWebhookSignature({ ...base, headers })).toBe(false);
    for (const missing of [undefined, null, 42, { a: 1 }]) {
      expect(isValidWebhookSignature({ ...base, body: missing as never })).toBe(false);
      expect(reason(() => verifyWebhookSignature({ ...base, body: missing as never }))).toBe('invalid_body');
    }
    expect(isValidWebhookSignature({ ...base, headers: new Headers(signed.headers) as never })).toBe(true);
    expect(() => verifyWebhookSignature(null as never)).toThrow(ValidationError);
  });
});

describe('call tokens', () => {
  const clock = () => 1_795_304_497_000;
  const mint = { toolType: 'tool', appId: 'app', userId: 'u', ttlSeconds: 60, secret: 'k', now: clock } as const;

  it('an empty or blank secret is refused for minting and verifying', async () => {
    for (const secret of ['', '  ', new Uint8Array(0)]) expect(() => mintCallToken({ ...mint, secret })).toThrow(CallTokenError);
    const token = mintCallToken(mint);
    for (const secrets of [[], [''], ['k', ''], [new Uint8Array(0)], null]) {
      await expect(verifyCallToken(token, { secrets: secrets as never, now: clock })).rejects.toThrow(/non-empty/);
    }
  });

  it('the replay guard records a token only after every claim check passed', async () => {
    const token = mintCallToken(mint);
    const markUsed = memoryReplayGuard(clock);
    await expect(verifyCallToken(token, { secrets: ['k'], now: clock, markUsed, expect: { toolType: 'chat_fn' } })).rejects.toThrow('tool_type mismatch');
    await expect(verifyCallToken(token, { secrets: ['k'], now: clock, markUsed, expect: { appId: 'other' } })).rejects.toThrow('app_id mismatch');
    await expect(verifyCallToken(token, { secrets: ['k'], now: clock, markUsed, expect: { toolType: 'tool' } })).resolves.toMatchObject({ app_id: 'app' });
    await expect(verifyCallToken(token, { secrets: ['k'], now: clock, markUsed })).rejects.toThrow('call token replayed');
  });

  it('a signed null (or array) payload and a missing token are typed errors', async () => {
    for (const json of ['null', '[1]', '"s"']) {
      const payload = Buffer.from(json).toString('base64url');
      const token = `${payload}.${createHmac('sha256', 'k').update(json).digest('base64url')}`;
      await expect(verifyCallToken(token, { secrets: ['k'], now: clock })).rejects.toThrow(CallTokenError);
    }
    for (const token of [null, undefined, 42, '']) await expect(verifyCallToken(token as never, { secrets: ['k'], now: clock })).rejects.toThrow(CallTokenError);
  });

  it('only the canonical base64url spelling verifies (no tail-bit malleability)', async () => {
    const token = mintCallToken(mint);
    const [payload, signature] = token.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = signature.at(-1)!;
    // A 32-byte HMAC leaves 2 unused bits in its last character: a twin decodes to the same bytes.
    const twin = [...alphabet].find((c) => c !== last && alphabet.indexOf(c) >> 2 === alphabet.indexOf(last) >> 2)!;
    const forged = `${payload}.${signature.slice(0, -1)}${twin}`;
    expect(Buffer.from(forged.split('.')[1]!, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    await expect(verifyCallToken(forged, { secrets: ['k'], now: clock })).rejects.toThrow('not canonical');
    await expect(verifyCallToken(token, { secrets: ['k'], now: clock })).resolves.toBeTruthy();
  });

  it('lifetimes beyond maxLifetimeSec (default 300 s) and iat beyond the clock skew (default 30 s) are refused', async () => {
    const long = mintCallToken({ ...mint, ttlSeconds: 301 });
    await expect(verifyCallToken(long, { secrets: ['k'], now: clock })).rejects.toThrow('lifetime exceeds 300 s');
    await expect(verifyCallToken(long, { secrets: ['k'], now: clock, maxLifetimeSec: 3600 })).resolves.toBeTruthy();
    const early = mintCallToken({ ...mint, now: () => clock() + 31_000 });
    await expect(verifyCallToken(early, { secrets: ['k'], now: clock })).rejects.toThrow('issued in the future');
    const slightly = mintCallToken({ ...mint, now: () => clock() + 29_000 });
    await expect(verifyCallToken(slightly, { secrets: ['k'], now: clock })).resolves.toBeTruthy();
    await expect(verifyCallToken(slightly, { secrets: ['k'], now: clock, maxLifetimeSec: 0 })).rejects.toThrow('maxLifetimeSec');
  });
});

describe('JWTs', () => {
  let privateKey: CryptoKey;
  let jwk: JWK;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  });
  const sign = (sub: string, iat = Math.floor(Date.now() / 1000)) =>
    new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject(sub).setIssuedAt(iat).setExpirationTime(iat + 7200).sign(privateKey);

  it('reserved subjects are refused', async () => {
    const verify = createJwtVerifier({ jwks: { keys: [jwk] } });
    for (const sub of ['__system__', '__webhook__']) await expect(verify(await sign(sub))).rejects.toThrow(AuthError);
    expect((await verify(await sign('imp_u_1'))).imperalId).toBe('imp_u_1');
  });

  it('an iat far in the future is refused; a little skew is fine', async () => {
    const verify = createJwtVerifier({ jwks: { keys: [jwk] } });
    const nowSec = Math.floor(Date.now() / 1000);
    await expect(verify(await sign('u', nowSec + 3600))).rejects.toThrow('issued in the future');
    expect((await verify(await sign('u', nowSec + 20))).imperalId).toBe('u');
    await expect(verify(null as never)).rejects.toThrow(AuthError);
  });
});

describe('call-token spelling', () => {
  it('the canonical-spelling check equals decoding and re-encoding, for every length and last character', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const verify = callTokenVerifier({ secrets: ['k'] });
    for (let length = 1; length <= 8; length++) {
      for (const last of alphabet) {
        const part = 'Q'.repeat(length - 1) + last;
        const canonical = Buffer.from(part, 'base64url').toString('base64url') === part;
        let message = '';
        try {
          verify(`${part}.AAAA`);
        } catch (error) {
          message = (error as Error).message;
        }
        expect(/not canonical/.test(message), `${part}: ${message}`).toBe(!canonical);
      }
    }
  });
});
