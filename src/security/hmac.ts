/**
 * HMAC-SHA256 and constant-time comparison, the primitives of webhook
 * signatures and call tokens.
 *
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Bytes of a string (UTF-8) or the bytes as given. */
export function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** HMAC-SHA256 of the concatenated `parts` under `key`. */
export function hmacSha256(key: string | Uint8Array, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac('sha256', bytesOf(key));
  for (const p of parts) mac.update(bytesOf(p));
  return mac.digest();
}

/** Constant-time equality that returns `false` (instead of throwing) on a length mismatch. */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}
