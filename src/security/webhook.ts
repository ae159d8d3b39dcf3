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
import { ValidationError, WebhookVerificationError } from '../errors.js';
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

const SCHEMES: ReadonlySet<string> = new Set(['hex', 'stripe', 'standard']);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The HMAC key of `secret` for `scheme` (Standard Webhooks keys are base64 after
 * `whsec_`). A secret that is not a string, is empty or blank, or decodes to no key
 * is refused: an empty HMAC key would make every signature forgeable.
 */
function keyOf(secret: unknown, scheme: WebhookScheme): Uint8Array {
  if (typeof secret !== 'string' || secret.trim() === '') {
    throw new WebhookVerificationError('missing_secret', 'the webhook secret must be a non-empty string (not blank); configure the secret the sender signs with');
  }
  if (scheme === 'standard' && secret.startsWith('whsec_')) {
    const encoded = secret.slice(6);
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.byteLength === 0) throw new WebhookVerificationError('missing_secret', "a 'whsec_' webhook secret must carry a non-empty base64 key after the prefix");
    return key;
  }
  return bytesOf(secret);
}

/** Checks the options that configure verification (not the request): a bad one is a programming error, thrown. */
function checkConfig(options: unknown): { options: VerifyWebhookOptions; scheme: WebhookScheme; keys: Uint8Array[]; toleranceSec: number } {
  if (options === null || typeof options !== 'object') throw new ValidationError('options', 'verifyWebhookSignature needs an options object');
  const o = options as VerifyWebhookOptions;
  const scheme = o.scheme ?? 'hex';
  if (!SCHEMES.has(scheme)) throw new ValidationError('scheme', `scheme must be 'hex', 'stripe' or 'standard' (got ${JSON.stringify(String(scheme))})`);
  const tolerance = o.toleranceSec ?? DEFAULT_TOLERANCE_SEC;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance <= 0) {
    throw new ValidationError('toleranceSec', `toleranceSec must be a finite number of seconds above 0 (default ${DEFAULT_TOLERANCE_SEC})`);
  }
  const secrets: unknown[] = Array.isArray(o.secret) ? [...(o.secret as unknown[])] : [o.secret];
  if (secrets.length === 0) throw new WebhookVerificationError('missing_secret', 'no webhook secret configured; pass secret (or secrets during rotation)');
  if (o.header !== undefined && (typeof o.header !== 'string' || o.header === '')) throw new ValidationError('header', 'header must be a non-empty header name');
  return { options: o, scheme, keys: secrets.map((secret) => keyOf(secret, scheme)), toleranceSec: tolerance };
}

/** Signs `body`; returns the signature and the headers carrying it. */
export function signWebhook(options: SignWebhookOptions): SignedWebhook {
  if (options === null || typeof options !== 'object') throw new ValidationError('options', 'signWebhook needs an options object');
  const scheme = options.scheme ?? 'hex';
  if (!SCHEMES.has(scheme)) throw new ValidationError('scheme', `scheme must be 'hex', 'stripe' or 'standard'`);
  const key = keyOf(options.secret, scheme);
  if (typeof options.body !== 'string' && !(options.body instanceof Uint8Array)) throw new ValidationError('body', 'body must be the exact string or bytes that will be sent');
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

/** Case-insensitive single header value: the first string given; anything else counts as absent. */
function header(headers: unknown, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const want = name.toLowerCase();
  // A fetch `Headers` object, or a plain record as node:http gives them.
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function' && !Array.isArray(headers)) {
    const value: unknown = getter.call(headers, want);
    return typeof value === 'string' ? value : undefined;
  }
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== want) continue;
    const value: unknown = Array.isArray(v) ? v[0] : v;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function checkTimestamp(raw: string | undefined, options: VerifyWebhookOptions, toleranceSec: number): number {
  if (!raw || !/^\d{1,15}$/.test(raw)) throw new WebhookVerificationError('invalid_timestamp', 'webhook timestamp is missing or not unix seconds');
  const ts = Number(raw);
  const nowSec = Math.floor((options.now ?? Date.now)() / 1000);
  if (!(Math.abs(nowSec - ts) <= toleranceSec)) {
    throw new WebhookVerificationError('timestamp_out_of_tolerance', 'webhook timestamp is outside the allowed tolerance (replayed or clock skew)');
  }
  return ts;
}

/** Candidate signatures (bytes) found in the headers, and the bytes each secret must sign. */
function extract(options: VerifyWebhookOptions, scheme: WebhookScheme, toleranceSec: number): { candidates: Uint8Array[]; prefix: string } {
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
    const ts = checkTimestamp(parts.find(([k]) => k === 't')?.[1], options, toleranceSec);
    const sigs = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/i.test(v)).map(([, v]) => Buffer.from(v!, 'hex'));
    if (sigs.length === 0) throw new WebhookVerificationError('malformed_signature', `'${name}' has no v1 signature`);
    return { candidates: sigs, prefix: `${ts}.` };
  }
  const id = header(options.headers, 'webhook-id');
  if (!id) throw new WebhookVerificationError('missing_signature', "webhook header 'webhook-id' is missing");
  const ts = checkTimestamp(header(options.headers, 'webhook-timestamp'), options, toleranceSec);
  const sigs = value
    .split(' ')
    .filter((s) => s.startsWith('v1,') && BASE64.test(s.slice(3)))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  if (sigs.length === 0) throw new WebhookVerificationError('malformed_signature', "'webhook-signature' has no v1 signature");
  return { candidates: sigs, prefix: `${id}.${ts}.` };
}

/**
 * Verifies a webhook's signature over its raw body; throws a
 * {@link WebhookVerificationError} (with `reason`) when it does not verify.
 * Configuration mistakes — no secret, a blank one, a `whsec_` secret without a key,
 * a `toleranceSec` that is not a positive finite number — throw as well (a
 * `WebhookVerificationError` with reason `missing_secret`, or a `ValidationError`
 * naming the option).
 */
export function verifyWebhookSignature(options: VerifyWebhookOptions): void {
  const { scheme, keys, toleranceSec } = checkConfig(options);
  const body: unknown = options.body;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new WebhookVerificationError('invalid_body', 'the raw webhook body (a string or bytes) is required to check its signature');
  }
  const { candidates, prefix } = extract(options, scheme, toleranceSec);
  for (const key of keys) {
    const expected = hmacSha256(key, prefix, body);
    if (candidates.some((c) => safeEqual(c, expected))) return;
  }
  throw new WebhookVerificationError('no_matching_signature', 'webhook signature does not match the body');
}

/**
 * {@link verifyWebhookSignature} as a boolean: `false` for any request that does not
 * verify (missing or malformed headers, a missing body, a wrong signature). A
 * configuration mistake still throws, so a misconfigured secret cannot pass unnoticed.
 */
export function isValidWebhookSignature(options: VerifyWebhookOptions): boolean {
  checkConfig(options);
  try {
    verifyWebhookSignature(options);
    return true;
  } catch (err) {
    if (err instanceof WebhookVerificationError) return false;
    throw err;
  }
}
