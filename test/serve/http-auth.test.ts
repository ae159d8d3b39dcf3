/**
 * `/v1/rpc` refusals: every bad credential is a 401 and no handler runs; then 413 over
 * the body limit, then 415 for a body that is not JSON. Real server on 127.0.0.1.
 */
import { request as httpRequest, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply } from '../../src/rpc/envelope.js';
import { memoryReplayCache, ReplayCacheFullError } from '../../src/serve/auth.js';
import { calls, ext } from './fixtures/wire-ext.js';
import { OLD_SECRET, startTestHost, type TestHost } from './helpers/http-host.js';

const ISSUER = 'https://auth.test';
const AUDIENCE = 'imperal-ext';
let jwksServer: Server;
let jwksUrl = '';
let signingKey: CryptoKey;
let otherKey: CryptoKey;
let t: TestHost;

async function jwt(claims: Record<string, unknown>, o: { key?: CryptoKey; exp?: string | number; iss?: string; aud?: string } = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuedAt()
    .setExpirationTime(o.exp ?? '5m')
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .sign(o.key ?? signingKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwksServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/keys.json`;
  t = await startTestHost(ext, { auth: { jwt: { jwksUrl, issuer: ISSUER, audience: AUDIENCE } }, transport: { maxBody: 4096 } });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => jwksServer.close(resolve));
});

/** Sends `body` and expects `status` with no handler run. */
async function refused(status: number, body: string, headers: Record<string, string>): Promise<string> {
  const before = calls.count;
  const res = await t.rpc(body, headers);
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(calls.count).toBe(before);
  return text;
}

describe('call tokens', () => {
  it('a valid token runs the call; a token of the previous secret (rotation) too', async () => {
    for (const token of [t.token(), t.token({ secret: OLD_SECRET })]) {
      const res = await t.rpc(t.body('echo', { text: 'ok' }), { authorization: `ImperalCallToken ${token}` });
      expect(res.status).toBe(200);
      expect(decodeReply(await res.text()).value.result?.status).toBe('success');
    }
  });

  it('missing, wrong-secret, expired, garbage, other-app, other-user, wrong-tool-type and unknown-scheme tokens → 401', async () => {
    const body = t.body('echo', { text: 'x' });
    expect(await refused(401, body, {})).toMatch(/missing 'Authorization/);
    expect(await refused(401, body, { authorization: `ImperalCallToken ${t.token({ secret: 'not-the-secret' })}` })).toMatch(/signature/);
    expect(await refused(401, body, { authorization: `ImperalCallToken ${t.token({ ttlSeconds: -5 })}` })).toMatch(/expired/);
    expect(await refused(401, body, { authorization: 'ImperalCallToken not.a-token' })).toMatch(/refused/);
    expect(await refused(401, body, { authorization: `ImperalCallToken ${t.token({ appId: 'another-app' })}` })).toMatch(/app_id/);
    expect(await refused(401, body, { authorization: `ImperalCallToken ${t.token({ userId: 'imp_u_mallory' })}` })).toMatch(/another user/);
    expect(await refused(401, body, { authorization: `ImperalCallToken ${t.token({ toolType: 'skeleton' })}` })).toMatch(/tool_type/);
    expect(await refused(401, body, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` })).toMatch(/unsupported/);
  });

  it('a replayed token → 401, handler not run the second time', async () => {
    const token = t.token();
    const first = await t.rpc(t.body('echo', { text: 'once' }), { authorization: `ImperalCallToken ${token}` });
    expect(first.status).toBe(200);
    await first.text();
    expect(await refused(401, t.body('echo', { text: 'twice' }), { authorization: `ImperalCallToken ${token}` })).toMatch(/replayed/);
  });

  it('refusal messages never echo the token', async () => {
    const token = t.token({ secret: 'wrong' });
    const text = await refused(401, t.body('echo', { text: 'x' }), { authorization: `ImperalCallToken ${token}` });
    expect(text).not.toContain(token.split('.')[1]);
    expect(text).not.toContain('wrong');
  });
});

describe('bearer JWTs (jose, --jwks-url)', () => {
  it('a valid JWT for the envelope user runs the call', async () => {
    const token = await jwt({ sub: 'imp_u_alice', tenant_id: 'tenant-a' });
    const res = await t.rpc(t.body('echo', { text: 'jwt' }), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(decodeReply(await res.text()).value.result?.data).toMatchObject({ text: 'jwt', user: 'imp_u_alice' });
  });

  it('the JWT, not the envelope, decides the role, scopes and tenant the call runs with', async () => {
    const token = await jwt({ sub: 'imp_u_alice', tenant_id: 'tenant-jwt', role: 'user', scopes: ['wire-kinds:read'], email: 'a@jwt.test' });
    const body = t.body('echo', { text: 'esc' }, { role: 'admin', scopes: ['*'], tenant_id: 'tenant-a' });
    const res = await t.rpc(body, { authorization: `Bearer ${token}` });
    expect(decodeReply(await res.text()).value.result?.data).toMatchObject({ role: 'user', scopes: ['wire-kinds:read'], tenant: 'tenant-jwt' });
  });

  it('wrong key, expired, wrong issuer, wrong audience, unsigned, other user → 401', async () => {
    const body = t.body('echo', { text: 'x' });
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'imp_u_alice', exp: 4102444800, iat: 1 })).toString('base64url')}.`;
    const bad = [
      await jwt({ sub: 'imp_u_alice' }, { key: otherKey }),
      await jwt({ sub: 'imp_u_alice' }, { exp: Math.floor(Date.now() / 1000) - 60 }),
      await jwt({ sub: 'imp_u_alice' }, { iss: 'https://evil.test' }),
      await jwt({ sub: 'imp_u_alice' }, { aud: 'someone-else' }),
      unsigned,
    ];
    for (const token of bad) expect(await refused(401, body, { authorization: `Bearer ${token}` })).toMatch(/bearer token refused/);
    expect(await refused(401, body, { authorization: `Bearer ${await jwt({ sub: 'imp_u_bob' })}` })).toMatch(/another user/);
  });
});

describe('order and limits: 401, then 413, then 415', () => {
  const big = (): string => t.body('echo', { text: 'x'.repeat(8000) });

  it('oversize body → 413 (declared length), handler not run', async () => {
    expect(await refused(413, big(), { authorization: `ImperalCallToken ${t.token()}` })).toMatch(/max-body/);
  });

  it('oversize chunked body (no content-length) → 413', async () => {
    const before = calls.count;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${t.url}/v1/rpc`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `ImperalCallToken ${t.token()}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 8; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(status).toBe(413);
    expect(calls.count).toBe(before);
  });

  it('a bad token with an oversize, non-JSON body is a 401 (credentials first)', async () => {
    await refused(401, big(), { authorization: `ImperalCallToken ${t.token({ secret: 'nope' })}`, 'content-type': 'text/plain' });
  });

  it('oversize and non-JSON → 413 (size before type)', async () => {
    await refused(413, 'y'.repeat(5000), { authorization: `ImperalCallToken ${t.token()}`, 'content-type': 'text/plain' });
  });

  it('non-JSON content type or unparsable JSON → 415', async () => {
    await refused(415, t.body('echo', { text: 'x' }), { authorization: `ImperalCallToken ${t.token()}`, 'content-type': 'text/plain' });
    await refused(415, '{"v":1,', { authorization: `ImperalCallToken ${t.token()}` });
  });

  it('counts refusals in /metrics', async () => {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/imperal_http_refusals_total\{status="401",app_id="wire-kinds"\} \d+/);
    expect(text).toMatch(/imperal_http_refusals_total\{status="413",app_id="wire-kinds"\} [2-9]/);
    expect(text).toMatch(/imperal_http_refusals_total\{status="415",app_id="wire-kinds"\} [2-9]/);
  });
});

describe('without credentials configured', () => {
  it('refuses every call unless --insecure', async () => {
    const closed = await startTestHost(ext, { auth: { callTokenSecrets: [] } });
    const open = await startTestHost(ext, { auth: { callTokenSecrets: [], insecure: true } });
    try {
      const before = calls.count;
      const res = await closed.rpc(closed.body('echo', { text: 'x' }), { authorization: `ImperalCallToken ${closed.token()}` });
      expect(res.status).toBe(401);
      expect(await res.text()).toMatch(/--call-token-secret or --jwks-url/);
      const res2 = await closed.rpc(closed.body('echo', { text: 'x' }));
      expect(res2.status).toBe(401);
      await res2.text();
      expect(calls.count).toBe(before);
      const ok = await open.rpc(open.body('echo', { text: 'dev' }));
      expect(ok.status).toBe(200);
      expect(decodeReply(await ok.text()).value.result?.data).toMatchObject({ text: 'dev' });
    } finally {
      await closed.close();
      await open.close();
    }
  });
});

describe('the in-memory replay cache is bounded', () => {
  it('keeps at most maxEntries live ids, refuses (503) rather than forget one, frees expired ones', async () => {
    let now = 1_000_000;
    const guard = memoryReplayCache({ maxEntries: 2, now: () => now });
    expect(guard('a'.repeat(16), 10)).toBe(true);
    expect(guard('a'.repeat(16), 10)).toBe(false);
    expect(guard('b'.repeat(16), 20)).toBe(true);
    expect(() => guard('c'.repeat(16), 10)).toThrow(ReplayCacheFullError);
    now += 11_000; // 'a' expired
    expect(guard('c'.repeat(16), 10)).toBe(true);
    expect(guard.size).toBe(2);
    expect(guard('b'.repeat(16), 20)).toBe(false);
  });

  it('over HTTP a full cache answers 503 and runs nothing', async () => {
    const small = await startTestHost(ext, { auth: { replayGuard: memoryReplayCache({ maxEntries: 1 }) } });
    try {
      const ok = await small.rpc(small.body('echo', { text: 'a' }), { authorization: `ImperalCallToken ${small.token()}` });
      expect(ok.status).toBe(200);
      await ok.text();
      const before = calls.count;
      const full = await small.rpc(small.body('echo', { text: 'b' }), { authorization: `ImperalCallToken ${small.token()}` });
      expect(full.status).toBe(503);
      expect(await full.text()).toMatch(/replay cache/);
      expect(calls.count).toBe(before);
    } finally {
      await small.close();
    }
  });
});
