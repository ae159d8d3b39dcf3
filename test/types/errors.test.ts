/** The error hierarchy: classes, codes and message formats. */
import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthError,
  CircularCallError,
  ExtensionError,
  ImperalError,
  NotFoundError,
  QuotaExceededError,
  RateLimitError,
  SkeletonAccessForbidden,
  ValidationError,
} from '../../src/index.js';

describe('errors', () => {
  it('carry the platform message formats and stable codes', () => {
    const cases: Array<[ImperalError, string, string]> = [
      [new NotFoundError('document', 'd1'), "document 'd1' not found", 'not_found'],
      [new RateLimitError(30), 'Rate limited. Retry after 30s', 'rate_limited'],
      [new AuthError(), 'Unauthorized', 'auth_error'],
      [new ValidationError('title', 'required'), "Validation error on 'title': required", 'validation_error'],
      [new ExtensionError('mail', 'down'), "Extension 'mail': down", 'extension_error'],
      [new QuotaExceededError('tokens', 100), 'Quota exceeded for tokens (limit: 100)', 'quota_exceeded'],
      [new CircularCallError(['a', 'b', 'a']), "Extension 'a': Circular call detected: a -> b -> a", 'extension_error'],
      [new APIError('boom', 502), 'boom', 'api_error'],
    ];
    for (const [error, message, code] of cases) {
      expect(error.message).toBe(message);
      expect(error.code).toBe(code);
      expect(error).toBeInstanceOf(ImperalError);
      expect(error.name).toBe(error.constructor.name);
    }
  });

  it('form the documented hierarchy', () => {
    expect(new NotFoundError('x', 'y')).toBeInstanceOf(APIError);
    expect(new RateLimitError()).toBeInstanceOf(APIError);
    expect(new NotFoundError('x', 'y').statusCode).toBe(404);
    expect(new RateLimitError().retryAfter).toBe(60);
    expect(new CircularCallError(['a', 'b'])).toBeInstanceOf(ExtensionError);
    expect(new SkeletonAccessForbidden('chat').message).toContain("called from 'chat' context");
  });
});
