/**
 * `ctx.log`: structured logging tagged with the extension id.
 *
 * @module
 */

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One log record. */
export interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  /** `ext.<app id>`. */
  readonly logger: string;
  readonly fields: Readonly<Record<string, unknown>>;
  /** ISO-8601 time. */
  readonly time: string;
}

/** Where log records go. */
export type LogSink = (record: LogRecord) => void;

/** The `ctx.log` interface. */
export interface ContextLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Writes one JSON line per record to stderr. */
export const stderrSink: LogSink = (record) => {
  process.stderr.write(`${JSON.stringify(record)}\n`);
};

/** A logger for `extensionId` writing to `sink`. */
export function createLogger(extensionId: string, sink: LogSink = stderrSink, now: () => Date = () => new Date()): ContextLogger {
  const emit =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}): void =>
      sink(Object.freeze({ level, message, logger: `ext.${extensionId}`, fields, time: now().toISOString() }));
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
