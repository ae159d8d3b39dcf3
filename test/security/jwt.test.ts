import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { AuthError } from '../../src/errors.js';
import { createJwtVerifier } from '../../src/security/jwt.js';

let privateKey: CryptoKey;
let jwk: JWK;
let server: Server;
let url = '';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  server = createServer((req, res) => {
    res.writeHead(req.url === '/v1/auth/.well-known/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sign = (claims: Record<string, unknown>, exp: string | number = '5m') =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u1').setIssuedAt().setExpirationTime(exp).sign(privateKey);

describe('JWT verification', () => {
  it('maps claims to a User, fetching the JWKS over HTTP', async () => {
    const verify = createJwtVerifier({ gatewayUrl: url });
    const user = await verify(await sign({ email: 'a@b.c', tenant_id: 't1', role: 'admin', scopes: ['notes.*'] }));
    expect(user.imperalId).toBe('u1');
    expect(user.tenantId).toBe('t1');
    expect(user.hasRole('admin')).toBe(true);
    expect(user.hasScope('notes.read')).toBe(true);
  });

  it('defaults tenant and role and rejects expired or foreign tokens', async () => {
    const verify = createJwtVerifier({ jwks: { keys: [jwk] } });
    const user = await verify(await sign({}));
    expect([user.tenantId, user.role, user.scopes]).toEqual(['default', 'user', []]);
    await expect(verify(await sign({}, Math.floor(Date.now() / 1000) - 10))).rejects.toThrow('Token expired');
    const other = await generateKeyPair('RS256');
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u1').setIssuedAt().setExpirationTime('5m').sign(other.privateKey);
    await expect(verify(foreign)).rejects.toBeInstanceOf(AuthError);
    await expect(verify('not-a-jwt')).rejects.toThrow(/Invalid token/);
  });

  it('checks audience and issuer when configured', async () => {
    const verify = createJwtVerifier({ jwks: { keys: [jwk] }, audience: 'imperal', issuer: 'https://auth.imperal.io' });
    await expect(verify(await sign({}))).rejects.toBeInstanceOf(AuthError);
    const good = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u1').setIssuedAt().setExpirationTime('5m').setAudience('imperal').setIssuer('https://auth.imperal.io').sign(privateKey);
    expect((await verify(good)).imperalId).toBe('u1');
  });
});
