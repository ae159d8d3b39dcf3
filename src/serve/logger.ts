/**
 * The host's logger: pino, one JSON object per line (or a short human line on a
 * TTY). Every line passes a masking step that replaces the configured secret
 * values (service token, call-token secrets, the Redis password) wherever they
 * appear, so a secret reaching a log message by accident still never prints.
 *
 * @module
 */
import { pino, type Logger } from 'pino';
import type { LogLevelName } from './options.js';

/** The host logger (a pino logger). */
export type HostLogger = Logger;

/** Options of {@link createHostLogger}. */
export interface HostLoggerOptions {
  /** JSON lines (true) or human lines (false). */
  readonly json: boolean;
  readonly level: LogLevelName;
  /** Values to mask as `***` in every line. */
  readonly secrets?: readonly string[];
  /** Where lines go (default stdout). */
  readonly destination?: { write(line: string): unknown };
}

/** Field names whose values are always masked, whatever they hold. */
const SECRET_KEYS = ['serviceToken', 'service_token', 'callTokenSecret', 'callTokenSecrets', 'authorization', 'password', 'token', 'secret', '*.serviceToken', '*.authorization', '*.password', '*.token', '*.secret', 'headers.authorization'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function replacing each secret (and its JSON-escaped form) by `***`. */
export function secretMasker(secrets: readonly string[]): (line: string) => string {
  const forms = new Set<string>();
  // Short values would mask ordinary words; secrets are long in practice.
  for (const s of secrets) {
    if (s.length < 4) continue;
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
  }
  if (forms.size === 0) return (line) => line;
  const re = new RegExp([...forms].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  return (line) => line.replace(re, '***');
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** `HH:MM:SS LEVEL msg key=value …` from a pino JSON line. */
function humanLine(json: string): string {
  try {
    const { level, time, msg, pid: _pid, hostname: _host, level_name: _name, ...rest } = JSON.parse(json) as Record<string, unknown>;
    const at = new Date(typeof time === 'number' ? time : Date.now()).toISOString().slice(11, 19);
    const extra = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
    return `${at} ${(LEVEL_NAMES[level as number] ?? String(level)).padEnd(5)} ${String(msg ?? '')}${extra ? `  ${extra}` : ''}\n`;
  } catch {
    return json;
  }
}

/** Builds the host logger. */
export function createHostLogger(options: HostLoggerOptions): HostLogger {
  const mask = secretMasker(options.secrets ?? []);
  const out = options.destination ?? process.stdout;
  const stream = { write: (line: string) => out.write(options.json ? line : humanLine(line)) };
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: SECRET_KEYS, censor: '***' },
      hooks: { streamWrite: mask },
      formatters: { level: (label, number) => ({ level: number, level_name: label }) },
    },
    stream,
  );
}
