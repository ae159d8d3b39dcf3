/** Health levels the platform shows for an extension. */
export type HealthLevel = 'ok' | 'degraded' | 'unhealthy';

/** The wire form of a health status. */
export interface HealthStatusDict {
  status: HealthLevel;
  message: string;
  details: Record<string, unknown>;
}

/** What an `ext.healthCheck()` handler returns. */
export class HealthStatus {
  readonly status: HealthLevel;
  readonly message: string;
  readonly details: Record<string, unknown>;

  constructor(status: HealthLevel, message = '', details: Record<string, unknown> = {}) {
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
