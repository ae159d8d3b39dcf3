/**
 * The one place that decides whether a caller-supplied value may become part of
 * a URL path: store collections and ids, app ids, skeleton sections, cache
 * model names, user ids, and storage paths. The real clients, the mocks and the
 * local gateway all call these, so a value refused by one is refused by all.
 *
 * Why it matters: URL parsers resolve `.` and `..` segments (also spelt `%2E`),
 * so an id of `..` would turn `/v1/internal/store/notes/..` into another gateway
 * route, sent with the service token.
 *
 * @module
 */
import { ValidationError } from '../errors.js';

/** Control characters (NUL included): never legal inside a path segment or a storage path. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A UTF-16 surrogate without its partner: not text, and `encodeURIComponent` throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks one path segment: a non-empty string that is not `.` or `..` and
 * contains no `/`, `\` or control character (NUL included).
 *
 * @param field - the argument's name, for the error.
 * @param example - a valid value, for the error.
 * @throws {@link ValidationError} naming `field` and the fix.
 */
export function checkSegment(field: string, value: unknown, example = 'a1b2c3'): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(field, `must be a non-empty string, e.g. '${example}'`);
  }
  if (value === '.' || value === '..') {
    throw new ValidationError(field, `'${value}' is not allowed: it would leave its URL segment; use a name such as '${example}'`);
  }
  if (CONTROL.test(value)) {
    throw new ValidationError(field, `must not contain control characters (NUL, newline…); use a name such as '${example}'`);
  }
  if (LONE_SURROGATE.test(value)) throw new ValidationError(field, `is not well-formed Unicode (a lone surrogate); use a name such as '${example}'`);
  if (value.includes('/') || value.includes('\\')) {
    throw new ValidationError(field, `${JSON.stringify(value)} must not contain '/' or '\\' (it would leave its URL segment); use a name such as '${example}'`);
  }
  return value;
}

/** RFC 3986 sub-delimiters plus `:` and `@`: legal inside a path segment, left as they are. */
const PCHAR_ESCAPES = /%(24|26|2B|2C|3B|3D|3A|40)/g;

/**
 * Checks `value` with {@link checkSegment} and percent-encodes it as the
 * platform's own client does (spaces, `%`, `?`, `#` and non-ASCII escaped;
 * `:@!$&'()*+,;=` kept).
 *
 * @throws {@link ValidationError} for a value that cannot be a segment.
 */
export function seg(value: string, field = 'path segment'): string {
  checkSegment(field, value);
  return encodeURIComponent(value).replace(PCHAR_ESCAPES, (m) => decodeURIComponent(m));
}

/**
 * Normalises a storage path and keeps it inside the extension's file area:
 * `a//b/./c.txt` → `a/b/c.txt`. Absolute paths (`/x`, `\\x`, `C:x`), `..`
 * segments, backslashes and control characters are refused.
 *
 * @throws {@link ValidationError} naming `field`.
 */
export function normalizeStoragePath(field: string, value: unknown, example = 'exports/report.csv'): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ValidationError(field, `must be a non-empty string, e.g. '${example}'`);
  }
  if (CONTROL.test(value)) throw new ValidationError(field, `must not contain control characters (NUL, newline…), e.g. '${example}'`);
  if (LONE_SURROGATE.test(value)) throw new ValidationError(field, `is not well-formed Unicode (a lone surrogate), e.g. '${example}'`);
  if (value.includes('\\')) throw new ValidationError(field, `must use '/' as separator, not '\\', e.g. '${example}'`);
  if (value.startsWith('/') || /^[A-Za-z]:/.test(value)) {
    throw new ValidationError(field, `'${value}' is absolute; storage paths are relative to the extension's files, e.g. '${example}'`);
  }
  const parts = value.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new ValidationError(field, `'${value}' must not contain '..' segments, e.g. '${example}'`);
  if (parts.length === 0) throw new ValidationError(field, `'${value}' names no file, e.g. '${example}'`);
  return parts.join('/');
}

/**
 * Normalises a storage list prefix: `''` lists everything; otherwise the rules
 * of {@link normalizeStoragePath} apply, and a trailing `/` is kept.
 */
export function normalizeStoragePrefix(value: unknown): string {
  if (value === undefined || value === '') return '';
  const path = normalizeStoragePath('prefix', value, 'exports/');
  return typeof value === 'string' && value.endsWith('/') ? `${path}/` : path;
}
