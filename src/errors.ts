/**
 * The SDK's error hierarchy.
 *
 * Every error the SDK raises on purpose is an {@link ImperalError} with a stable
 * machine-readable `code`. Wire-visible messages follow the platform's formats so
 * that a TS extension reports failures exactly like a Python one.
 *
 * @module
 */

/** Options accepted by {@link ImperalError}. */
export interface ImperalErrorOptions {
  /** Stable machine-readable code (snake_case). */
  code?: string;
  /** The underlying error, kept for debugging; never serialised onto the wire. */
  cause?: unknown;
}

/** Base class of every error the SDK raises on purpose. */
export class ImperalError extends Error {
  /** Stable machine-readable code, e.g. `not_found` or `rate_limited`. */
  readonly code: string;

  constructor(message: string, options: ImperalErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'unknown';
  }
}

/** A platform API answered with an error status. */
export class APIError extends ImperalError {
  /** The HTTP status the platform answered with (0 when no response arrived). */
  readonly statusCode: number;

  constructor(message: string, statusCode: number, options: ImperalErrorOptions = {}) {
    super(message, { code: 'api_error', ...options });
    this.statusCode = statusCode;
  }
}

/** The requested resource does not exist (HTTP 404). */
export class NotFoundError extends APIError {
  /** Kind of resource, e.g. `document` or `collection`. */
  readonly resource: string;
  /** Identifier that was looked up. */
  readonly id: string;

  constructor(resource: string, id: string, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(`${resource} '${id}' not found`, 404, { ...options, code: 'not_found' });
    this.resource = resource;
    this.id = id;
  }
}

/** The platform asked us to slow down (HTTP 429). */
export class RateLimitError extends APIError {
  /** Seconds to wait before trying again. */
  readonly retryAfter: number;

  constructor(retryAfter = 60, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(`Rate limited. Retry after ${retryAfter}s`, 429, { ...options, code: 'rate_limited' });
    this.retryAfter = retryAfter;
  }
}

/** Authentication or authorisation failed (HTTP 401/403, bad token). */
export class AuthError extends ImperalError {
  constructor(message = 'Unauthorized', options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'auth_error' });
  }
}

/** One problem found while validating input. */
export interface ValidationIssue {
  /** Dotted path of the offending field (`''` for the root). */
  path: string;
  /** What is wrong, in words a person or an LLM can act on. */
  message: string;
}

/** Input failed validation; `field` names the first offending field, `issues` lists all. */
export class ValidationError extends ImperalError {
  /** The first offending field (dotted path, `''` for the root). */
  readonly field: string;
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(field: string, message: string, issues?: readonly ValidationIssue[]) {
    super(`Validation error on '${field}': ${message}`, { code: 'validation_error' });
    this.field = field;
    this.issues = issues ?? [{ path: field, message }];
  }
}

/** Something went wrong inside (or while calling) an extension. */
export class ExtensionError extends ImperalError {
  /** The extension concerned. */
  readonly appId: string;

  constructor(appId: string, message: string, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(`Extension '${appId}': ${message}`, { ...options, code: 'extension_error' });
    this.appId = appId;
  }
}

/** A chain of extension calls came back to an extension already on the stack. */
export class CircularCallError extends ExtensionError {
  /** The app ids on the call stack, oldest first, ending with the repeated one. */
  readonly callStack: readonly string[];

  constructor(callStack: readonly string[]) {
    super(callStack[callStack.length - 1] ?? '', `Circular call detected: ${callStack.join(' -> ')}`);
    this.callStack = callStack;
  }
}

/** A plan or billing quota was exceeded. */
export class QuotaExceededError extends ImperalError {
  /** The metered resource. */
  readonly resource: string;
  /** The limit that was hit. */
  readonly limit: number;

  constructor(resource: string, limit: number) {
    super(`Quota exceeded for ${resource} (limit: ${limit})`, { code: 'quota_exceeded' });
    this.resource = resource;
    this.limit = limit;
  }
}

/** `ctx.skeleton` was read outside an `@ext.skeleton` handler. */
export class SkeletonAccessForbidden extends ImperalError {
  constructor(toolType: string) {
    super(
      `ctx.skeleton.get() called from '${toolType}' context; only @ext.skeleton tools may access skeleton.`,
      { code: 'skeleton_access_forbidden' },
    );
  }
}

/**
 * A registration (decorator or `ext.*` call) was given something the platform
 * would reject. Raised when the extension module loads, so mistakes surface
 * before anything is published.
 */
export class RegistrationError extends ImperalError {
  /** What was being registered, e.g. `@ext.panel('sidebar')`. */
  readonly subject: string;
  /** How to fix it. */
  readonly fix: string;
  /** The `imperal validate` rule this check enforces (e.g. `V1`, `PANEL-SLOT-1`), when there is one. */
  readonly rule: string | undefined;

  constructor(subject: string, problem: string, fix: string, rule?: string) {
    super(`${subject}: ${problem}. Fix: ${fix}`, { code: 'registration_error' });
    this.subject = subject;
    this.fix = fix;
    this.rule = rule;
  }
}

/** A params/return schema cannot be turned into JSON Schema. */
export class SchemaError extends RegistrationError {
  /** Dotted path of the field that cannot be represented (`''` for the root). */
  readonly field: string;

  constructor(subject: string, field: string, problem: string, fix: string) {
    super(subject, field ? `field '${field}' ${problem}` : problem, fix);
    this.field = field;
  }
}

/** `ctx.secrets` was asked for a name the extension never declared with `ext.secret()`. */
export class SecretNotDeclaredError extends ImperalError {
  constructor(name: string, appId: string) {
    super(`secret '${name}' is not declared by '${appId}'; declare it with ext.secret({ name: '${name}', ... })`, {
      code: 'secret_not_declared',
    });
  }
}

/** The extension tried to write a secret whose `writeMode` is `user`. */
export class SecretWriteForbidden extends ImperalError {
  constructor(name: string, writeMode: string) {
    super(`secret '${name}' has write_mode='${writeMode}'; the extension may not write it`, {
      code: 'secret_write_forbidden',
    });
  }
}

/** The secrets vault could not be reached. */
export class SecretVaultUnavailable extends ImperalError {
  constructor(message = 'secret vault unavailable', options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'secret_vault_unavailable' });
  }
}

/** A secret value is larger than its declared `maxBytes`. */
export class SecretValueTooLarge extends ImperalError {
  constructor(name: string, size: number, maxBytes: number) {
    super(`secret '${name}' is ${size} bytes; declared max_bytes is ${maxBytes}`, { code: 'secret_value_too_large' });
  }
}

/** The same secret name was declared twice on one extension. */
export class SecretDeclarationConflict extends RegistrationError {
  constructor(name: string, appId: string) {
    super(`ext.secret({ name: '${name}' })`, `declared twice on app_id='${appId}'`, 'declare each secret name once');
  }
}

/** No HTTP response arrived: the connection was refused, reset or closed early. */
export class APIConnectionError extends APIError {
  constructor(message: string, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, 0, { ...options, code: 'connection_error' });
  }
}

/** The platform did not answer within the call's timeout. */
export class APITimeoutError extends APIError {
  /** The per-attempt timeout that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, 0, { ...options, code: 'timeout' });
    this.timeoutMs = timeoutMs;
  }
}

/** A write lost a compare-and-set race (HTTP 409, `ifMatch` did not match the current etag). */
export class ConflictError extends APIError {
  /** The etag the caller expected (`''` when none was sent). */
  readonly expectedEtag: string;
  /** The etag the platform holds now (`''` when it did not say). */
  readonly currentEtag: string;

  constructor(message: string, expectedEtag = '', currentEtag = '', options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, 409, { ...options, code: 'conflict' });
    this.expectedEtag = expectedEtag;
    this.currentEtag = currentEtag;
  }
}

/** The platform answered 2xx with a body the SDK cannot read (e.g. malformed JSON). */
export class InvalidResponseError extends APIError {
  constructor(message: string, statusCode: number, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, statusCode, { ...options, code: 'invalid_response' });
  }
}

/** Why a webhook signature was rejected. */
export type WebhookVerificationCode =
  | 'missing_secret'
  | 'missing_signature'
  | 'malformed_signature'
  | 'invalid_timestamp'
  | 'timestamp_out_of_tolerance'
  | 'no_matching_signature'
  | 'invalid_body';

/** A webhook's signature did not verify; answer 401 and do not retry. */
export class WebhookVerificationError extends ImperalError {
  /** Machine-readable reason. */
  readonly reason: WebhookVerificationCode;

  constructor(reason: WebhookVerificationCode, message: string) {
    super(message, { code: 'webhook_verification_failed' });
    this.reason = reason;
  }
}

/** A platform call token failed verification (the gateway answers 401/403). */
export class CallTokenError extends ImperalError {
  constructor(message: string, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'call_token_invalid' });
  }
}

/**
 * A response was larger than the call's `maxResponseBytes`: the SDK stopped
 * reading, dropped the connection and kept none of the body.
 */
export class ResponseTooLargeError extends APIError {
  /** The limit that was exceeded, in bytes. */
  readonly maxResponseBytes: number;

  constructor(what: string, maxResponseBytes: number, statusCode: number) {
    super(
      `${what}: the response is larger than maxResponseBytes (${maxResponseBytes} bytes); the connection was dropped. ` +
        'Raise maxResponseBytes for this call if the body is expected to be that large',
      statusCode,
      { code: 'response_too_large' },
    );
    this.maxResponseBytes = maxResponseBytes;
  }
}

/**
 * `ctx.http` refused to connect to a loopback, private, link-local, CGNAT or
 * cloud-metadata address (server-side request forgery guard).
 */
export class PrivateNetworkError extends ImperalError {
  /** The host name of the URL (or of the redirect hop) that was refused. */
  readonly host: string;
  /** The address it resolved to. */
  readonly address: string;

  constructor(host: string, address: string) {
    super(
      `ctx.http refused '${host}' (${address}): loopback, private, link-local, CGNAT and cloud-metadata addresses are blocked. ` +
        "If this target is intended, pass allowPrivateNetwork: ['" + host + "'] (or a CIDR) to the request or to createContext",
      { code: 'private_network_refused' },
    );
    this.host = host;
    this.address = address;
  }
}

/**
 * An optional package a feature needs is not installed (e.g. `zod-to-json-schema`
 * for zod 3 schemas, `esbuild` for the CLI's bundling). The message says what to install.
 */
export class MissingDependencyError extends ImperalError {
  /** The package to install. */
  readonly packageName: string;

  constructor(packageName: string, neededFor: string) {
    super(`${neededFor} needs the package '${packageName}', which is not installed: run npm install --save-dev ${packageName}`, { code: 'missing_dependency' });
    this.packageName = packageName;
  }
}

/** `imperal dev` / `imperal invoke` cannot start or run: a missing SDK install, a bad data folder, a bad request to its API. */
export class DevError extends ImperalError {
  constructor(message: string, options: Omit<ImperalErrorOptions, 'code'> = {}) {
    super(message, { ...options, code: 'dev_error' });
  }
}
