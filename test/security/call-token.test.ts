import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { CallTokenError } from '../../src/errors.js';
import { callTokenVerifier, memoryReplayGuard, mintCallToken, verifyCallToken } from '../../src/security/call-token.js';

const now = () => 1_795_304_497_000;
const base = { toolType: 'skeleton', appId: 'app1', userId: 'u1', ttlSeconds: 60, secret: 'k', now } as const;

describe('call tokens', () => {
  it('mints b64url(payload).b64url(hmac) with sorted compact claims', () => {
    const token = mintCallToken(base);
    const [p, s] = token.split('.');
    const payload = Buffer.from(p!, 'base64url').toString();
    expect(payload).toMatch(/^\{"app_id":"app1","exp":1795304557,"iat":1795304497,"jti":"[A-Za-z0-9_-]{22}","tool_type":"skeleton","user_id":"u1"\}$/);
    expect(s).toBe(createHmac('sha256', 'k').update(payload).digest('base64url'));
    expect(token).not.toContain('=');
  });

  it('verifies claims, rotation secrets and expectations', async () => {
    const token = mintCallToken(base);
    const claims = await verifyCallToken(token, { secrets: ['new', 'k'], expect: { toolType: 'skeleton', appId: 'app1', userId: 'u1' }, now });
    expect(claims.user_id).toBe('u1');
    await expect(verifyCallToken(token, { secrets: ['k'], expect: { toolType: 'panel' }, now })).rejects.toThrow('tool_type mismatch');
    await expect(verifyCallToken(token, { secrets: ['k'], expect: { userId: 'u2' }, now })).rejects.toThrow('user_id mismatch');
    await expect(verifyCallToken(token, { secrets: ['other'], now })).rejects.toThrow('invalid call token signature');
  });

  it('rejects expired, malformed, oversize and replayed tokens', async () => {
    const expired = mintCallToken({ ...base, ttlSeconds: 0 });
    await expect(verifyCallToken(expired, { secrets: ['k'], now })).rejects.toThrow('call token expired');
    await expect(verifyCallToken('nodot', { secrets: ['k'], now })).rejects.toThrow('malformed call token');
    await expect(verifyCallToken('a'.repeat(2049), { secrets: ['k'], now })).rejects.toThrow('token length exceeds limit');
    const forged = `${Buffer.from('{"x":1}').toString('base64url')}.${createHmac('sha256', 'k').update('{"x":1}').digest('base64url')}`;
    await expect(verifyCallToken(forged, { secrets: ['k'], now })).rejects.toBeInstanceOf(CallTokenError);
    const token = mintCallToken(base);
    const markUsed = memoryReplayGuard(now);
    await verifyCallToken(token, { secrets: ['k'], now, markUsed });
    await expect(verifyCallToken(token, { secrets: ['k'], now, markUsed })).rejects.toThrow('call token replayed');
  });

  it('a prepared verifier checks its options once and answers synchronously with a synchronous guard', async () => {
    expect(() => callTokenVerifier({ secrets: [' '] })).toThrow(CallTokenError);
    expect(() => callTokenVerifier({ secrets: ['k'], maxLifetimeSec: -1 })).toThrow('maxLifetimeSec');
    const verify = callTokenVerifier({ secrets: ['new', 'k'], now, markUsed: memoryReplayGuard(now), expect: { appId: 'app1' } });
    const token = mintCallToken(base);
    const claims = verify(token);
    expect(claims).not.toBeInstanceOf(Promise);
    expect(claims).toMatchObject({ app_id: 'app1', user_id: 'u1' });
    expect(() => verify(token)).toThrow('call token replayed');
    expect(() => verify(mintCallToken({ ...base, appId: 'other' }))).toThrow('app_id mismatch');
    // An asynchronous guard (Redis) makes the answer a promise; a replay rejects it.
    const seen = new Set<string>();
    const asyncVerify = callTokenVerifier({ secrets: ['k'], now, markUsed: async (jti) => !seen.has(jti) && Boolean(seen.add(jti)) });
    const second = mintCallToken(base);
    const pending = asyncVerify(second);
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).resolves.toMatchObject({ user_id: 'u1' });
    await expect(asyncVerify(second)).rejects.toThrow('call token replayed');
  });
});
