/**
 * Webhook signatures: sign (for tests and outgoing hooks) and verify (in
 * handlers). Three formats, all HMAC-SHA256 over the raw body bytes:
 *
 * - `hex`: `sha256=<hex>` over the body (GitHub style);
 * - `stripe`: `t=<unix>,v1=<hex>` over `<t>.<body>`;
 * - `standard`: Standard Webhooks headers `webhook-id`, `webhook-timestamp`,
 *   `webhook-signature: v1,<base64>` over `<id>.<timestamp>.<body>`, secret `whsec_<base64>`.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import { WebhookVerificationError } from '../errors.js';
import { bytesOf, hmacSha256, safeEqual } from './hmac.js';

/** A signature format. */
export type WebhookScheme = 'hex' | 'stripe' | 'standard';

/** Default header carrying the signature, per scheme. */
export const WEBHOOK_SIGNATURE_HEADERS: Readonly<Record<WebhookScheme, string>> = Object.freeze({
  hex: 'x-hub-signature-256',
  stripe: 'stripe-signature',
  standard: 'webhook-signature',
});

/** Default tolerance between the signed timestamp and now. */
export const DEFAULT_TOLERANCE_SEC = 300;

/** Options of {@link signWebhook}. */
export interface SignWebhookOptions {
  readonly secret: string;
  /** The exact body bytes that will be sent. */
  readonly body: string | Uint8Array;
  readonly scheme?: WebhookScheme;
  /** Header name for `hex`/`stripe` (defaults in {@link WEBHOOK_SIGNATURE_HEADERS}). */
  readonly header?: string;
  /** Unix seconds to sign (default: now). */
  readonly timestamp?: number;
  /** Message id for `standard` (default: a random UUID). */
  readonly id?: string;
  /** Clock in milliseconds (tests). */
  readonly now?: () => number;
}

/** A signature and the headers to send it in. */
export interface SignedWebhook {
  readonly signature: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookOptions {
  /** The secret, or several during a rotation. */
  readonly secret: string | readonly string[];
  /** The raw body bytes as received (never re-serialised JSON). */
  readonly body: string | Uint8Array;
  /** The request headers (any case). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly scheme?: WebhookScheme;
  /** Header for `hex`/`stripe` (e.g. the webhook's declared `secretHeader`). */
  readonly header?: string;
  /** Allowed clock skew in seconds for timestamped schemes (default 300). */
  readonly toleranceSec?: number;
  readonly now?: () => number;
}

/** The HMAC key of `secret` for `scheme` (Standard Webhooks keys are base64 after `whsec_`). */
function keyOf(secret: string, scheme: WebhookScheme): Uint8Array {
  if (scheme === 'standard' && secret.startsWith('whsec_')) return Buffer.from(secret.slice(6), 'base64');
  return bytesOf(secret);
}

/** Signs `body`; returns the signature and the headers carrying it. */
export function signWebhook(options: SignWebhookOptions): SignedWebhook {
  const scheme = options.scheme ?? 'hex';
  if (!options.secret) throw new WebhookVerificationError('missing_secret', 'signWebhook: secret must be a non-empty string');
  const key = keyOf(options.secret, scheme);
  const ts = options.timestamp ?? Math.floor((options.now ?? Date.now)() / 1000);
  if (scheme === 'hex') {
    const signature = `sha256=${hmacSha256(key, options.body).toString('hex')}`;
    return { signature, headers: { [options.header ?? WEBHOOK_SIGNATURE_HEADERS.hex]: signature } };
  }
  if (scheme === 'stripe') {
    const signature = `t=${ts},v1=${hmacSha256(key, `${ts}.`, options.body).toString('hex')}`;
    return { signature, headers: { [options.header ?? WEBHOOK_SIGNATURE_HEADERS.stripe]: signature } };
  }
  const id = options.id ?? `msg_${randomUUID()}`;
  const signature = `v1,${hmacSha256(key, `${id}.${ts}.`, options.body).toString('base64')}`;
  return { signature, headers: { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature } };
}

/** Case-insensitive single header value. */
function header(headers: VerifyWebhookOptions['headers'], name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === want) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}

function checkTimestamp(raw: string | undefined, options: VerifyWebhookOptions): number {
  if (!raw || !/^\d+$/.test(raw)) throw new WebhookVerificationError('invalid_timestamp', 'webhook timestamp is missing or not unix seconds');
  const ts = Number(raw);
  const nowSec = Math.floor((options.now ?? Date.now)() / 1000);
  if (Math.abs(nowSec - ts) > (options.toleranceSec ?? DEFAULT_TOLERANCE_SEC)) {
    throw new WebhookVerificationError('timestamp_out_of_tolerance', 'webhook timestamp is outside the allowed tolerance (replayed or clock skew)');
  }
  return ts;
}

/** Candidate signatures (bytes) found in the headers, and the bytes each secret must sign. */
function extract(options: VerifyWebhookOptions, scheme: WebhookScheme): { candidates: Uint8Array[]; prefix: string } {
  const name = scheme === 'standard' ? 'webhook-signature' : (options.header ?? WEBHOOK_SIGNATURE_HEADERS[scheme]);
  const value = header(options.headers, name);
  if (!value) throw new WebhookVerificationError('missing_signature', `webhook signature header '${name}' is missing`);
  if (scheme === 'hex') {
    const m = /^sha256=([0-9a-f]{64})$/i.exec(value.trim());
    if (!m) throw new WebhookVerificationError('malformed_signature', `'${name}' must be 'sha256=<64 hex chars>'`);
    return { candidates: [Buffer.from(m[1]!, 'hex')], prefix: '' };
  }
  if (scheme === 'stripe') {
    const parts = value.split(',').map((p) => p.trim().split('=', 2) as [string, string | undefined]);
    const ts = checkTimestamp(parts.find(([k]) => k === 't')?.[1], options);
    const sigs = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/i.test(v)).map(([, v]) => Buffer.from(v!, 'hex'));
    if (sigs.length === 0) throw new WebhookVerificationError('malformed_signature', `'${name}' has no v1 signature`);
    return { candidates: sigs, prefix: `${ts}.` };
  }
  const id = header(options.headers, 'webhook-id');
  if (!id) throw new WebhookVerificationError('missing_signature', "webhook header 'webhook-id' is missing");
  const ts = checkTimestamp(header(options.headers, 'webhook-timestamp'), options);
  const sigs = value
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  if (sigs.length === 0) throw new WebhookVerificationError('malformed_signature', "'webhook-signature' has no v1 signature");
  return { candidates: sigs, prefix: `${id}.${ts}.` };
}

/**
 * Verifies a webhook's signature over its raw body; throws a
 * {@link WebhookVerificationError} (with `reason`) when it does not verify.
 */
export function verifyWebhookSignature(options: VerifyWebhookOptions): void {
  const scheme = options.scheme ?? 'hex';
  const secrets = (typeof options.secret === 'string' ? [options.secret] : [...options.secret]).filter((s) => s);
  if (secrets.length === 0) throw new WebhookVerificationError('missing_secret', 'no webhook secret configured; pass secret (or secrets during rotation)');
  const { candidates, prefix } = extract(options, scheme);
  for (const secret of secrets) {
    const expected = hmacSha256(keyOf(secret, scheme), prefix, options.body);
    if (candidates.some((c) => safeEqual(c, expected))) return;
  }
  throw new WebhookVerificationError('no_matching_signature', 'webhook signature does not match the body');
}

/** {@link verifyWebhookSignature} as a boolean. */
export function isValidWebhookSignature(options: VerifyWebhookOptions): boolean {
  try {
    verifyWebhookSignature(options);
    return true;
  } catch (err) {
    if (err instanceof WebhookVerificationError) return false;
    throw err;
  }
}
