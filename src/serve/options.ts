/**
 * The host's options: one table of every flag (its CLI name, environment
 * variable, default and parser), shared by `serve()` and `imperal serve`, so a
 * flag, its variable and its help text can never drift apart.
 *
 * Precedence: an explicit option (flag) → its environment variable → the default.
 *
 * @module
 */
import { hostname } from 'node:os';
import { ValidationError } from '../errors.js';

/** Options of `serve()` (all optional; unset ones come from the environment, then defaults). */
export interface ServeOptions {
  /** Redis URL; turns the Redis Streams transport on. */
  redis?: string;
  /** Stream to consume (default `imperal:rpc:extension_call:<app_id>`). */
  stream?: string;
  /** Consumer group (default `imperal-ext:<app_id>`). */
  group?: string;
  /** Consumer name in the group, also the `worker_id` of replies (default `<hostname>-<pid>`). */
  consumer?: string;
  /** Calls in flight per process (default 64). */
  concurrency?: number;
  /** Expiry of pushed replies and stored cacheable replies, ms (default 60000). */
  replyTtlMs?: number;
  /** Entries pending longer than this are reclaimed from dead workers, ms (default 30000). */
  claimIdleMs?: number;
  /** Deliveries after which an entry goes to `<stream>:dead` (default 5). */
  maxDeliveries?: number;
  /** How long shutdown waits for in-flight calls, ms (default 30000). */
  drainTimeoutMs?: number;
  /** HTTP listen address `HOST:PORT` (default `127.0.0.1:8787`; port 0 picks a free one). */
  http?: string;
  /** Gateway base URL for the per-call context's clients. */
  gatewayUrl?: string;
  /** Service token for the gateway. */
  serviceToken?: string;
  /** HMAC secrets for call tokens on `/v1/rpc`, newest first (a list, or one comma-separated string). */
  callTokenSecret?: string | readonly string[];
  /** JWKS URL for `Authorization: Bearer` JWTs on `/v1/rpc`. */
  jwksUrl?: string;
  /** Required JWT issuer. */
  jwtIssuer?: string;
  /** Required JWT audience. */
  jwtAudience?: string;
  /** Accept unauthenticated `/v1/rpc` calls (development only). */
  insecure?: boolean;
  /** Largest `/v1/rpc` or webhook body, bytes (default 1 MiB). */
  maxBody?: number;
  /** One JSON object per log line (default: when stdout is not a TTY). */
  jsonLogs?: boolean;
  /** Log level (default `info`). */
  logLevel?: LogLevelName;
  /** Install SIGTERM/SIGINT handlers that drain and exit (default true). */
  handleSignals?: boolean;
}

/** Log levels the host logger knows. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
/** A log level name. */
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Options after resolution: defaults applied, every value checked. */
export interface ResolvedServeOptions {
  readonly redis: string | undefined;
  readonly stream: string;
  readonly group: string;
  readonly consumer: string;
  readonly concurrency: number;
  readonly replyTtlMs: number;
  readonly claimIdleMs: number;
  readonly maxDeliveries: number;
  readonly drainTimeoutMs: number;
  readonly http: { readonly host: string; readonly port: number };
  readonly gatewayUrl: string;
  readonly serviceToken: string;
  readonly callTokenSecrets: readonly string[];
  readonly jwksUrl: string | undefined;
  readonly jwtIssuer: string | undefined;
  readonly jwtAudience: string | undefined;
  readonly insecure: boolean;
  readonly maxBody: number;
  readonly jsonLogs: boolean;
  readonly logLevel: LogLevelName;
  readonly handleSignals: boolean;
}

type Kind = 'string' | 'int' | 'bool' | 'list' | 'level';

/** One flag of the host. */
export interface FlagSpec {
  /** Key in {@link ServeOptions}. */
  readonly key: Exclude<keyof ServeOptions, 'handleSignals'>;
  /** Long CLI flag, e.g. `--redis`. */
  readonly flag: string;
  /** Placeholder in help, e.g. `URL` (absent for boolean switches). */
  readonly value?: string;
  /** Environment variable. */
  readonly env: string;
  readonly kind: Kind;
  /** Help text (the default is appended by the CLI). */
  readonly description: string;
  /** The default, as shown in help. */
  readonly defaultText?: string;
  /** Lower bound of an integer. */
  readonly min?: number;
  /** Value is secret: never printed, masked in logs. */
  readonly secret?: boolean;
}

/** Every flag of `imperal serve`, in help order. */
export const SERVE_FLAGS: readonly FlagSpec[] = [
  { key: 'redis', flag: '--redis', value: 'URL', env: 'IMPERAL_REDIS_URL', kind: 'string', description: 'Redis URL (redis:// or rediss://); turns the Redis Streams transport on' },
  { key: 'stream', flag: '--stream', value: 'NAME', env: 'IMPERAL_STREAM', kind: 'string', description: 'stream to consume', defaultText: 'imperal:rpc:extension_call:<app_id>' },
  { key: 'group', flag: '--group', value: 'NAME', env: 'IMPERAL_GROUP', kind: 'string', description: 'consumer group (created at id 0 with MKSTREAM when missing)', defaultText: 'imperal-ext:<app_id>' },
  { key: 'consumer', flag: '--consumer', value: 'NAME', env: 'IMPERAL_CONSUMER', kind: 'string', description: 'consumer name, also the worker_id of replies', defaultText: '<hostname>-<pid>' },
  { key: 'concurrency', flag: '--concurrency', value: 'N', env: 'IMPERAL_CONCURRENCY', kind: 'int', min: 1, description: 'calls in flight per process', defaultText: '64' },
  { key: 'replyTtlMs', flag: '--reply-ttl-ms', value: 'MS', env: 'IMPERAL_REPLY_TTL_MS', kind: 'int', min: 1, description: 'expiry of reply lists and stored replies', defaultText: '60000' },
  { key: 'claimIdleMs', flag: '--claim-idle-ms', value: 'MS', env: 'IMPERAL_CLAIM_IDLE_MS', kind: 'int', min: 30, description: "reclaim other workers' entries pending longer than this", defaultText: '30000' },
  { key: 'maxDeliveries', flag: '--max-deliveries', value: 'N', env: 'IMPERAL_MAX_DELIVERIES', kind: 'int', min: 1, description: 'deliveries after which an entry goes to <stream>:dead', defaultText: '5' },
  { key: 'drainTimeoutMs', flag: '--drain-timeout-ms', value: 'MS', env: 'IMPERAL_DRAIN_TIMEOUT_MS', kind: 'int', min: 0, description: 'on SIGTERM/SIGINT, wait this long for in-flight calls', defaultText: '30000' },
  { key: 'http', flag: '--http', value: 'HOST:PORT', env: 'IMPERAL_HTTP', kind: 'string', description: 'HTTP listen address (/v1/rpc, webhooks, /healthz, /readyz, /manifest, /metrics)', defaultText: '127.0.0.1:8787' },
  { key: 'gatewayUrl', flag: '--gateway-url', value: 'URL', env: 'IMPERAL_GATEWAY_URL', kind: 'string', description: 'gateway base URL for ctx clients (required)' },
  { key: 'serviceToken', flag: '--service-token', value: 'TOKEN', env: 'IMPERAL_SERVICE_TOKEN', kind: 'string', secret: true, description: 'gateway service token (required)' },
  { key: 'callTokenSecret', flag: '--call-token-secret', value: 'SECRETS', env: 'IMPERAL_CALL_TOKEN_SECRET', kind: 'list', secret: true, description: 'call-token HMAC secrets for /v1/rpc, comma-separated, newest first' },
  { key: 'jwksUrl', flag: '--jwks-url', value: 'URL', env: 'IMPERAL_JWKS_URL', kind: 'string', description: 'JWKS URL for Bearer JWTs on /v1/rpc' },
  { key: 'jwtIssuer', flag: '--jwt-issuer', value: 'ISS', env: 'IMPERAL_JWT_ISSUER', kind: 'string', description: 'required JWT issuer' },
  { key: 'jwtAudience', flag: '--jwt-audience', value: 'AUD', env: 'IMPERAL_JWT_AUDIENCE', kind: 'string', description: 'required JWT audience' },
  { key: 'insecure', flag: '--insecure', env: 'IMPERAL_INSECURE', kind: 'bool', description: 'accept /v1/rpc calls without authentication (development only)', defaultText: 'false' },
  { key: 'maxBody', flag: '--max-body', value: 'BYTES', env: 'IMPERAL_MAX_BODY', kind: 'int', min: 1, description: 'largest HTTP request body', defaultText: '1048576' },
  { key: 'jsonLogs', flag: '--json-logs', env: 'IMPERAL_JSON_LOGS', kind: 'bool', description: 'one JSON object per log line', defaultText: 'on when stdout is not a TTY' },
  { key: 'logLevel', flag: '--log-level', value: 'LEVEL', env: 'IMPERAL_LOG_LEVEL', kind: 'level', description: `log level (${LOG_LEVELS.join(', ')})`, defaultText: 'info' },
];

/** Defaults of the numeric limits. */
export const SERVE_DEFAULTS = {
  concurrency: 64,
  replyTtlMs: 60_000,
  claimIdleMs: 30_000,
  maxDeliveries: 5,
  drainTimeoutMs: 30_000,
  http: '127.0.0.1:8787',
  maxBody: 1024 * 1024,
  logLevel: 'info' as LogLevelName,
} as const;

function where(spec: FlagSpec, fromEnv: boolean): string {
  return fromEnv ? `${spec.env} (${spec.flag})` : `${spec.flag} (${spec.env})`;
}

function parseValue(spec: FlagSpec, raw: unknown, fromEnv: boolean): unknown {
  const bad = (problem: string): never => {
    throw new ValidationError(spec.key, `${where(spec, fromEnv)}: ${problem}`);
  };
  switch (spec.kind) {
    case 'string':
      if (typeof raw !== 'string' || raw.trim() === '') bad('must be a non-empty string');
      return (raw as string).trim();
    case 'int': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(n)) bad(`must be a whole number, got ${JSON.stringify(raw)}`);
      if (spec.min !== undefined && n < spec.min) bad(`must be at least ${spec.min}, got ${n}`);
      return n;
    }
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(1|true|yes|on)$/i.test(raw.trim())) return true;
      if (typeof raw === 'string' && /^(0|false|no|off|)$/i.test(raw.trim())) return false;
      return bad(`must be true or false, got ${JSON.stringify(raw)}`);
    case 'list': {
      const items = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? (raw as unknown[]) : bad('must be a comma-separated list');
      const out = items.map((s) => (typeof s === 'string' ? s.trim() : bad('list items must be strings')));
      if (out.some((s) => s === '')) bad('has an empty item (check for a stray comma)');
      return out;
    }
    case 'level':
      if (typeof raw !== 'string' || !(LOG_LEVELS as readonly string[]).includes(raw.trim())) bad(`must be one of ${LOG_LEVELS.join(', ')}`);
      return (raw as string).trim();
  }
}

function parseHostPort(text: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(text);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw new ValidationError('http', `--http (IMPERAL_HTTP): expected HOST:PORT such as 127.0.0.1:8787, got ${JSON.stringify(text)}`);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

function checkUrl(key: string, spec: string, text: string, schemes: readonly string[]): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(key, `${spec}: not a URL: ${JSON.stringify(text.replace(/\/\/[^@/]*@/, '//***@'))}`);
  }
  if (!schemes.includes(url.protocol)) throw new ValidationError(key, `${spec}: expected a ${schemes.join(' or ')} URL, got ${url.protocol}`);
}

/**
 * Resolves `options` for the extension `appId`: explicit values, then the
 * environment variables of {@link SERVE_FLAGS}, then defaults.
 *
 * @throws {@link ValidationError} naming the flag and its variable, with the fix.
 */
export function resolveServeOptions(appId: string, options: ServeOptions = {}, env: NodeJS.ProcessEnv = process.env): ResolvedServeOptions {
  const got: Partial<Record<FlagSpec['key'], unknown>> = {};
  for (const spec of SERVE_FLAGS) {
    const explicit = options[spec.key];
    if (explicit !== undefined) got[spec.key] = parseValue(spec, explicit, false);
    else if (env[spec.env] !== undefined && env[spec.env] !== '') got[spec.key] = parseValue(spec, env[spec.env], true);
  }
  const str = (k: FlagSpec['key']): string | undefined => got[k] as string | undefined;
  const int = (k: FlagSpec['key'], d: number): number => (got[k] as number | undefined) ?? d;

  const redis = str('redis');
  if (redis !== undefined) checkUrl('redis', '--redis (IMPERAL_REDIS_URL)', redis, ['redis:', 'rediss:']);
  const gatewayUrl = str('gatewayUrl');
  if (gatewayUrl === undefined) throw new ValidationError('gatewayUrl', 'the gateway URL is required: pass --gateway-url URL or set IMPERAL_GATEWAY_URL');
  checkUrl('gatewayUrl', '--gateway-url (IMPERAL_GATEWAY_URL)', gatewayUrl, ['http:', 'https:']);
  const serviceToken = str('serviceToken');
  if (serviceToken === undefined) throw new ValidationError('serviceToken', 'the gateway service token is required: pass --service-token TOKEN or set IMPERAL_SERVICE_TOKEN');
  const jwksUrl = str('jwksUrl');
  if (jwksUrl !== undefined) checkUrl('jwksUrl', '--jwks-url (IMPERAL_JWKS_URL)', jwksUrl, ['http:', 'https:']);

  const claimIdleMs = int('claimIdleMs', SERVE_DEFAULTS.claimIdleMs);
  return {
    redis,
    stream: str('stream') ?? `imperal:rpc:extension_call:${appId}`,
    group: str('group') ?? `imperal-ext:${appId}`,
    consumer: str('consumer') ?? `${hostname()}-${process.pid}`,
    concurrency: int('concurrency', SERVE_DEFAULTS.concurrency),
    replyTtlMs: int('replyTtlMs', SERVE_DEFAULTS.replyTtlMs),
    claimIdleMs,
    maxDeliveries: int('maxDeliveries', SERVE_DEFAULTS.maxDeliveries),
    drainTimeoutMs: int('drainTimeoutMs', SERVE_DEFAULTS.drainTimeoutMs),
    http: parseHostPort(str('http') ?? SERVE_DEFAULTS.http),
    gatewayUrl,
    serviceToken,
    callTokenSecrets: (got.callTokenSecret as string[] | undefined) ?? [],
    jwksUrl,
    jwtIssuer: str('jwtIssuer'),
    jwtAudience: str('jwtAudience'),
    insecure: (got.insecure as boolean | undefined) ?? false,
    maxBody: int('maxBody', SERVE_DEFAULTS.maxBody),
    jsonLogs: (got.jsonLogs as boolean | undefined) ?? !process.stdout.isTTY,
    logLevel: (got.logLevel as LogLevelName | undefined) ?? SERVE_DEFAULTS.logLevel,
    handleSignals: options.handleSignals ?? true,
  };
}

/** The secret values among resolved options (for log masking). */
export function secretValues(options: ResolvedServeOptions): string[] {
  const out = [options.serviceToken, ...options.callTokenSecrets];
  if (options.redis) {
    const password = safePassword(options.redis);
    if (password) out.push(password);
  }
  return out.filter((s) => s.length > 0);
}

function safePassword(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.password ? decodeURIComponent(u.password) : undefined;
  } catch {
    return undefined;
  }
}

/** A URL safe to print: its password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
