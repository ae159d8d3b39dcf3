import { ValidationError } from '../errors.js';

/** Health levels the platform shows for an extension. */
export const HEALTH_LEVELS = ['ok', 'degraded', 'unhealthy'] as const;
/** A health level. */
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

/** The wire form of a health status; fields a health check returned beside these are kept. */
export interface HealthStatusDict {
  status: HealthLevel;
  message: string;
  details: Record<string, unknown>;
  [extra: string]: unknown;
}

/** What an `ext.healthCheck()` handler returns. */
export class HealthStatus {
  /** `ok`, `degraded` or `unhealthy`. */
  readonly status: HealthLevel;
  /** What is wrong (`''` when ok). */
  readonly message: string;
  /** Anything useful for operators (counts, latencies). */
  readonly details: Record<string, unknown>;

  /** @throws {@link ValidationError} when `status` is not a health level. */
  constructor(status: HealthLevel, message = '', details: Record<string, unknown> = {}) {
    if (!(HEALTH_LEVELS as readonly string[]).includes(status)) {
      throw new ValidationError('status', `must be one of ${HEALTH_LEVELS.map((l) => `'${l}'`).join(', ')}, got ${JSON.stringify(status)}`);
    }
    this.status = status;
    this.message = message;
    this.details = details;
  }

  /** Everything works. */
  static ok(details: Record<string, unknown> = {}): HealthStatus {
    return new HealthStatus('ok', '', details);
  }

  /** Working, with reduced service. */
  static degraded(message: string, details: Record<string, unknown> = {}): HealthStatus {
    return new HealthStatus('degraded', message, details);
  }

  /** Not working. */
  static unhealthy(message: string, details: Record<string, unknown> = {}): HealthStatus {
    return new HealthStatus('unhealthy', message, details);
  }

  /** The wire form. */
  toDict(): HealthStatusDict {
    return { status: this.status, message: this.message, details: this.details };
  }

  /** `JSON.stringify(status)` yields the wire form. */
  toJSON(): HealthStatusDict {
    return this.toDict();
  }
}
