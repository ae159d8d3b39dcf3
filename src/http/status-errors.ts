/**
 * Maps a platform error status to the SDK's error classes, so handlers catch
 * `NotFoundError` or `RateLimitError` instead of parsing HTTP.
 *
 * @module
 */
import {
  APIError,
  AuthError,
  ConflictError,
  NotFoundError,
  QuotaExceededError,
  RateLimitError,
  ValidationError,
  type ImperalError,
} from '../errors.js';
import { parseRetryAfter } from './retry.js';
import type { TransportResponse } from './transport.js';

/** What a failed call was about, for messages and `NotFoundError`. */
export interface ErrorSubject {
  /** The operation, e.g. `store.get`. */
  readonly what: string;
  /** Kind and id of the resource looked up, for 404s. */
  readonly resource?: readonly [kind: string, id: string];
}

/** Longest excerpt of an error body kept in a message. */
const DETAIL_CHARS = 200;

/** The error a non-2xx response stands for. */
export function errorFromResponse(subject: ErrorSubject, res: TransportResponse): ImperalError {
  const parsed = tryJson(res.body);
  const detail = detailOf(parsed, res.body);
  const message = `${subject.what} failed: HTTP ${res.status}${detail ? `: ${detail}` : ''}`;
  switch (res.status) {
    case 401:
    case 403:
      return new AuthError(message);
    case 402:
      return new QuotaExceededError(subject.what, 0);
    case 404:
      return subject.resource ? new NotFoundError(subject.resource[0], subject.resource[1]) : new APIError(message, 404, { code: 'not_found' });
    case 409: {
      const d = (parsed as { detail?: { expected_etag?: unknown; current_etag?: unknown } } | undefined)?.detail;
      return new ConflictError(message, str(d?.expected_etag), str(d?.current_etag));
    }
    case 422:
      return validationError(subject, parsed, detail);
    case 429: {
      const ms = parseRetryAfter(res.headers);
      return new RateLimitError(ms === undefined ? 60 : Math.ceil(ms / 1000));
    }
    default:
      return new APIError(message, res.status);
  }
}

/** FastAPI-style `{detail: [{loc, msg}]}` becomes a ValidationError naming the field. */
function validationError(subject: ErrorSubject, parsed: unknown, detail: string): ValidationError {
  const items = (parsed as { detail?: unknown } | undefined)?.detail;
  if (Array.isArray(items) && items.length > 0) {
    const issues = items.map((it: { loc?: unknown; msg?: unknown }) => ({
      path: Array.isArray(it.loc) ? it.loc.filter((p) => p !== 'body').join('.') : '',
      message: str(it.msg),
    }));
    const first = issues[0]!;
    return new ValidationError(first.path, `${subject.what} rejected: ${first.message}`, issues);
  }
  return new ValidationError('', `${subject.what} rejected: ${detail || 'HTTP 422'}`);
}

function tryJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}

function detailOf(parsed: unknown, body: Uint8Array): string {
  const d = (parsed as { detail?: unknown; error?: unknown } | undefined) ?? undefined;
  const pick = d && typeof d === 'object' ? (d.detail ?? d.error) : undefined;
  const text = pick === undefined ? new TextDecoder().decode(body) : typeof pick === 'string' ? pick : JSON.stringify(pick);
  return text.length > DETAIL_CHARS ? `${text.slice(0, DETAIL_CHARS)}…` : text;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
