/**
 * Security helpers: webhook signatures, platform call tokens, user JWTs.
 *
 * @module
 */
export {
  signWebhook,
  verifyWebhookSignature,
  isValidWebhookSignature,
  WEBHOOK_SIGNATURE_HEADERS,
  DEFAULT_TOLERANCE_SEC,
  type WebhookScheme,
  type SignWebhookOptions,
  type SignedWebhook,
  type VerifyWebhookOptions,
} from './webhook.js';
export {
  mintCallToken,
  verifyCallToken,
  memoryReplayGuard,
  CALL_TOKEN_MAX_LENGTH,
  type CallTokenClaims,
  type CallTokenToolType,
  type MintCallTokenOptions,
  type VerifyCallTokenOptions,
} from './call-token.js';
export { createJwtVerifier, userFromClaims, type JwtVerifier, type JwtVerifierOptions } from './jwt.js';
