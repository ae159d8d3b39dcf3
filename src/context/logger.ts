/**
 * `ctx.log`: structured logging tagged with the extension id.
 *
 * @module
 */
import { toLogFields } from './log-fields.js';
import type { SecretRedactor } from './redactor.js';

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One log record. */
export interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  /** `ext.<app id>`. */
  readonly logger: string;
  /** Plain JSON data: whatever was logged (errors, URLs, maps, buffers…) serialised safely, secrets masked. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** ISO-8601 time. */
  readonly time: string;
}

/** Where log records go. */
export type LogSink = (record: LogRecord) => void;

/** Level names `ctx.log(message, level)` accepts (`warning` and `critical` as Python writes them). */
export type LogLevelName = LogLevel | 'warning' | 'critical';

/**
 * The `ctx.log` interface: call it as Python extensions do (`ctx.log('Saved', 'warning')`,
 * level `info` by default) or use a level method (`ctx.log.warn('Saved')`).
 */
export interface ContextLogger {
  (message: string, level?: LogLevelName, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Writes one JSON line per record to stderr. */
export const stderrSink: LogSink = (record) => {
  process.stderr.write(`${JSON.stringify(record)}\n`);
};

/**
 * A logger for `extensionId` writing to `sink`. Fields of any type are turned into
 * plain JSON data first; with a `redactor`, secret values the context has seen are
 * masked in the message and in every string of the fields (keys included), so
 * every sink — stderr, a custom one, `MockContext.logs` — receives masked records.
 */
export function createLogger(
  extensionId: string,
  sink: LogSink = stderrSink,
  now: () => Date = () => new Date(),
  redactor?: SecretRedactor,
): ContextLogger {
  const redact = (text: string): string => (redactor ? redactor.redact(text) : text);
  const emit =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}): void =>
      sink(
        Object.freeze({
          level,
          message: typeof message === 'string' ? redact(message) : (JSON.stringify(toLogFields({ message }, redact).message) ?? ''),
          logger: `ext.${extensionId}`,
          fields: toLogFields(fields, redact),
          time: now().toISOString(),
        }),
      );
  const byLevel = { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
  const log = ((message: string, level: LogLevelName = 'info', fields?: Record<string, unknown>): void => {
    byLevel[levelOf(level)](message, fields);
  }) as ContextLogger;
  return Object.assign(log, byLevel);
}

const LEVEL_ALIASES: Readonly<Record<string, LogLevel>> = { warning: 'warn', critical: 'error', fatal: 'error' };

/** `warning` → `warn`, `critical` → `error`; an unknown level logs at `info` rather than losing the line. */
function levelOf(level: unknown): LogLevel {
  const name = typeof level === 'string' ? level.toLowerCase() : 'info';
  if (name === 'debug' || name === 'info' || name === 'warn' || name === 'error') return name;
  return LEVEL_ALIASES[name] ?? 'info';
}
