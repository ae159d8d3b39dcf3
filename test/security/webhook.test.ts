import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { WebhookVerificationError } from '../../src/errors.js';
import { isValidWebhookSignature, signWebhook, verifyWebhookSignature, type WebhookScheme } from '../../src/security/webhook.js';

const body = '{"event":"paid","amount":42}';
const now = () => 1_767_225_600_000; // 2026-01-01T00:00:00Z

describe('webhook signatures', () => {
  it('hex: sha256=<hex> over the raw body, matching an independent HMAC', () => {
    const { signature, headers } = signWebhook({ secret: 's3cret', body });
    expect(signature).toBe(`sha256=${createHmac('sha256', 's3cret').update(body).digest('hex')}`);
    expect(headers).toEqual({ 'x-hub-signature-256': signature });
    expect(() => verifyWebhookSignature({ secret: 's3cret', body, headers })).not.toThrow();
  });

  it('stripe: t=,v1= over "<t>.<body>"', () => {
    const { signature, headers } = signWebhook({ secret: 'whk', body, scheme: 'stripe', now });
    const t = now() / 1000;
    expect(signature).toBe(`t=${t},v1=${createHmac('sha256', 'whk').update(`${t}.${body}`).digest('hex')}`);
    expect(isValidWebhookSignature({ secret: 'whk', body, headers, scheme: 'stripe', now })).toBe(true);
  });

  it('standard webhooks: whsec_ base64 key, v1,<base64> over id.ts.body', () => {
    const key = Buffer.from('0123456789abcdef').toString('base64');
    const { headers } = signWebhook({ secret: `whsec_${key}`, body, scheme: 'standard', id: 'msg_1', now });
    const expected = createHmac('sha256', Buffer.from(key, 'base64')).update(`msg_1.${now() / 1000}.${body}`).digest('base64');
    expect(headers).toEqual({ 'webhook-id': 'msg_1', 'webhook-timestamp': String(now() / 1000), 'webhook-signature': `v1,${expected}` });
    // A rotated header carrying several signatures verifies when any matches.
    const rotated = { ...headers, 'Webhook-Signature': `v1,AAAA ${headers['webhook-signature']}` };
    expect(isValidWebhookSignature({ secret: `whsec_${key}`, body, headers: rotated, scheme: 'standard', now })).toBe(true);
  });

  it.each<[WebhookScheme]>([['hex'], ['stripe'], ['standard']])('%s: rejects a tampered body and a wrong secret', (scheme) => {
    const { headers } = signWebhook({ secret: 'k1', body, scheme, now });
    const reason = (f: () => void) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return (e as WebhookVerificationError).reason;
      }
    };
    expect(reason(() => verifyWebhookSignature({ secret: 'k1', body: `${body} `, headers, scheme, now }))).toBe('no_matching_signature');
    expect(reason(() => verifyWebhookSignature({ secret: 'k2', body, headers, scheme, now }))).toBe('no_matching_signature');
    expect(reason(() => verifyWebhookSignature({ secret: ['k2', 'k1'], body, headers, scheme, now }))).toBe('ok');
    expect(reason(() => verifyWebhookSignature({ secret: '', body, headers, scheme, now }))).toBe('missing_secret');
    expect(reason(() => verifyWebhookSignature({ secret: 'k1', body, headers: {}, scheme, now }))).toBe('missing_signature');
  });

  it('enforces the timestamp tolerance with an injectable clock', () => {
    const { headers } = signWebhook({ secret: 'k', body, scheme: 'stripe', now });
    const later = () => now() + 301_000;
    expect(() => verifyWebhookSignature({ secret: 'k', body, headers, scheme: 'stripe', now: later })).toThrow(/tolerance/);
    expect(isValidWebhookSignature({ secret: 'k', body, headers, scheme: 'stripe', now: later, toleranceSec: 600 })).toBe(true);
  });

  it('rejects malformed signatures without throwing on length mismatch', () => {
    expect(isValidWebhookSignature({ secret: 'k', body, headers: { 'x-hub-signature-256': 'sha256=abc' } })).toBe(false);
    expect(isValidWebhookSignature({ secret: 'k', body, headers: { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` } })).toBe(false);
    expect(isValidWebhookSignature({ secret: 'k', body, headers: { 'stripe-signature': 't=abc,v1=00' }, scheme: 'stripe' })).toBe(false);
  });

  it('works on raw bytes and honours a custom header name', () => {
    const bytes = new Uint8Array([0, 255, 10]);
    const { headers } = signWebhook({ secret: 'k', body: bytes, header: 'X-Signature' });
    expect(Object.keys(headers)).toEqual(['X-Signature']);
    expect(isValidWebhookSignature({ secret: 'k', body: bytes, headers, header: 'x-signature' })).toBe(true);
  });
});
