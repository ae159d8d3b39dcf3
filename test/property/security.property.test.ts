/**
 * Property: random headers, bodies and secrets through webhook verification, and
 * random tokens through `verifyCallToken` — only the documented typed errors (or
 * `false`), never a TypeError, a hang or Object.prototype pollution; and whatever
 * is signed or minted with a usable secret verifies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallTokenError, WebhookVerificationError } from '../../src/errors.js';
import { memoryReplayGuard, mintCallToken, verifyCallToken, type CallTokenToolType } from '../../src/security/call-token.js';
import { isValidWebhookSignature, signWebhook, verifyWebhookSignature, type WebhookScheme } from '../../src/security/webhook.js';
import { PROPERTY, expectNoPollution, hostileValue, prototypeSnapshot } from './helpers.js';

const scheme = fc.constantFrom<WebhookScheme>('hex', 'stripe', 'standard');
const secret = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !s.startsWith('whsec_'));
const headerName = fc.constantFrom('x-hub-signature-256', 'X-Hub-Signature-256', 'stripe-signature', 'webhook-signature', 'webhook-id', 'webhook-timestamp', '__proto__', 'constructor');
const headerValue = fc.oneof(
  fc.string(),
  fc.constantFrom('sha256=', 't=1,v1=', 'v1,', 'v1,AAAA', `t=${1_767_225_600},v1=${'0'.repeat(64)}`),
  fc.array(fc.string(), { maxLength: 2 }),
  hostileValue,
);
const headers = fc.oneof(fc.dictionary(headerName, headerValue, { maxKeys: 4 }), fc.dictionary(fc.string(), headerValue, { maxKeys: 3 }), hostileValue);
const body = fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 }), hostileValue);
const now = () => 1_767_225_600_000;

describe('webhook verification under random input', () => {
  it('random headers and bodies: false or a WebhookVerificationError, never another throw', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(secret, scheme, headers, body, (key, s, h, b) => {
        const options = { secret: key, scheme: s, headers: h as never, body: b as never, now };
        expect(isValidWebhookSignature(options)).toBe(false);
        try {
          verifyWebhookSignature(options);
        } catch (error) {
          expect(error).toBeInstanceOf(WebhookVerificationError);
        }
      }),
      PROPERTY,
    );
    expectNoPollution(before);
  });

  it('whatever is signed with a usable secret verifies, and fails once a byte changes', () => {
    fc.assert(
      fc.property(secret, scheme, fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.nat(63), (key, s, bytes, at) => {
        const signed = signWebhook({ secret: key, body: bytes, scheme: s, now });
        expect(isValidWebhookSignature({ secret: key, body: bytes, headers: signed.headers, scheme: s, now })).toBe(true);
        const tampered = Uint8Array.from(bytes);
        tampered[at % tampered.length] ^= 1;
        expect(isValidWebhookSignature({ secret: key, body: tampered, headers: signed.headers, scheme: s, now })).toBe(false);
      }),
      PROPERTY,
    );
  });
});

describe('call tokens under random input', () => {
  const clock = () => 1_795_304_497_000;
  const b64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 80 });
  const token = fc.oneof(
    fc.string({ maxLength: 120 }),
    fc.tuple(b64url, b64url).map(([a, b]) => `${a}.${b}`),
    fc.jsonValue({ maxDepth: 2 }).map((claims) => `${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${'A'.repeat(43)}`),
    hostileValue,
  );

  it('random tokens are refused with a CallTokenError, and never recorded by the replay guard', async () => {
    const before = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(token, async (t) => {
        const seen: string[] = [];
        const markUsed = (jti: string) => (seen.push(jti), true);
        await expect(verifyCallToken(t as string, { secrets: ['k'], now: clock, markUsed })).rejects.toBeInstanceOf(CallTokenError);
        expect(seen).toEqual([]);
      }),
      PROPERTY,
    );
    expectNoPollution(before);
  });

  it('minted tokens verify once with their claims; a changed character is refused', async () => {
    const tool = fc.constantFrom<CallTokenToolType>('skeleton', 'panel', 'tool', 'chat_fn');
    await fc.assert(
      fc.asyncProperty(tool, fc.string(), fc.string(), fc.integer({ min: 1, max: 300 }), secret, fc.nat(), async (toolType, appId, userId, ttl, key, at) => {
        const minted = mintCallToken({ toolType, appId, userId, ttlSeconds: ttl, secret: key, now: clock });
        const markUsed = memoryReplayGuard(clock);
        const options = { secrets: [key], now: clock, markUsed, expect: { toolType, appId, userId } };
        await expect(verifyCallToken(minted, options)).resolves.toMatchObject({ tool_type: toolType, app_id: appId, user_id: userId });
        await expect(verifyCallToken(minted, options)).rejects.toThrow('replayed');
        const i = at % minted.length;
        const changed = `${minted.slice(0, i)}${minted[i] === 'A' ? 'B' : 'A'}${minted.slice(i + 1)}`;
        await expect(verifyCallToken(changed, { secrets: [key], now: clock })).rejects.toBeInstanceOf(CallTokenError);
      }),
      PROPERTY,
    );
  });
});
