/**
 * Every platform status the gateway layer maps, and what it carries.
 */
import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../../src/http/status-errors.js';
import { APIError, AuthError, ConflictError, NotFoundError, QuotaExceededError, RateLimitError, ValidationError } from '../../src/errors.js';

const res = (status: number, body: unknown = {}, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
});
const subject = { what: 'store.get' };

describe('errorFromResponse', () => {
  it('401/403 AuthError, 402 QuotaExceededError', () => {
    expect(errorFromResponse(subject, res(401))).toBeInstanceOf(AuthError);
    expect(errorFromResponse(subject, res(403, { detail: 'forbidden' }))).toBeInstanceOf(AuthError);
    expect(errorFromResponse(subject, res(402))).toBeInstanceOf(QuotaExceededError);
  });

  it('404 is NotFoundError with the resource, a plain APIError without one', () => {
    const nf = errorFromResponse({ ...subject, resource: ['document', 'notes/a1'] }, res(404));
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(nf.message).toBe("document 'notes/a1' not found");
    const plain = errorFromResponse(subject, res(404, { detail: 'no route' }));
    expect(plain).not.toBeInstanceOf(NotFoundError);
    expect([plain instanceof APIError, (plain as APIError).statusCode, plain.code]).toEqual([true, 404, 'not_found']);
  });

  it('409 ConflictError carries both etags', () => {
    const err = errorFromResponse(subject, res(409, { detail: { expected_etag: 'a', current_etag: 'b' } }));
    expect(err).toBeInstanceOf(ConflictError);
    expect([(err as ConflictError).expectedEtag, (err as ConflictError).currentEtag]).toEqual(['a', 'b']);
  });

  it('422 ValidationError names the field (FastAPI detail), or has none', () => {
    const err = errorFromResponse(subject, res(422, { detail: [{ loc: ['query', 'tenant_id'], msg: 'field required' }] }));
    expect([err instanceof ValidationError, (err as ValidationError).field]).toEqual([true, 'query.tenant_id']);
    expect((errorFromResponse(subject, res(422, 'bad')) as ValidationError).field).toBe('');
  });

  it('429 RateLimitError: Retry-After in seconds (default 60)', () => {
    expect((errorFromResponse(subject, res(429, {}, { 'retry-after': '7' })) as RateLimitError).retryAfter).toBe(7);
    expect((errorFromResponse(subject, res(429, {}, { 'retry-after-ms': '1500' })) as RateLimitError).retryAfter).toBe(2);
    expect((errorFromResponse(subject, res(429)) as RateLimitError).retryAfter).toBe(60);
  });

  it('other statuses are APIError with the status and at most 200 chars of detail', () => {
    const err = errorFromResponse(subject, res(500, { detail: 'x'.repeat(500) })) as APIError;
    expect([err.constructor, err.statusCode]).toEqual([APIError, 500]);
    expect(err.message.length).toBeLessThan(260);
  });
});
