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
  callTokenVerifier,
  memoryReplayGuard,
  CALL_TOKEN_MAX_LENGTH,
  CALL_TOKEN_MAX_LIFETIME_SEC,
  CALL_TOKEN_CLOCK_SKEW_SEC,
  type CallTokenClaims,
  type CallTokenToolType,
  type MintCallTokenOptions,
  type VerifyCallTokenOptions,
} from './call-token.js';
export { createJwtVerifier, userFromClaims, RESERVED_SUBJECTS, JWT_MAX_FUTURE_IAT_SEC, type JwtVerifier, type JwtVerifierOptions } from './jwt.js';
