/**
 * The host's options (flag → variable → default, every value checked), the log
 * masking, and `imperal serve --help` listing every flag with its variable.
 */
import { describe, expect, it } from 'vitest';
import { createProgram, runCli } from '../../src/cli/program.js';
import { addServeFlags } from '../../src/cli/serve-flags.js';
import { ValidationError } from '../../src/errors.js';
import { secretMasker } from '../../src/serve/logger.js';
import { redactUrl, resolveServeOptions, SERVE_DEFAULTS, SERVE_FLAGS, secretValues } from '../../src/serve/options.js';

const base = { IMPERAL_GATEWAY_URL: 'http://127.0.0.1:1', IMPERAL_SERVICE_TOKEN: 'svc-token-abc' };

describe('resolveServeOptions', () => {
  it('applies the documented defaults', () => {
    const o = resolveServeOptions('my-app', {}, base);
    expect(o).toMatchObject({
      redis: undefined,
      stream: 'imperal:rpc:extension_call:my-app',
      group: 'imperal-ext:my-app',
      concurrency: 64,
      replyTtlMs: 60_000,
      claimIdleMs: 30_000,
      maxDeliveries: 5,
      drainTimeoutMs: 30_000,
      http: { host: '127.0.0.1', port: 8787 },
      maxBody: 1_048_576,
      logLevel: 'info',
      insecure: false,
      callTokenSecrets: [],
    });
    expect(o.consumer).toMatch(/^.+-\d+$/);
    expect(SERVE_DEFAULTS.concurrency).toBe(64);
  });

  it('reads every flag from its variable, and an explicit option wins over the variable', () => {
    const env = {
      ...base,
      IMPERAL_REDIS_URL: 'redis://:pw-secret@127.0.0.1:6390/2',
      IMPERAL_STREAM: 's1',
      IMPERAL_GROUP: 'g1',
      IMPERAL_CONSUMER: 'c1',
      IMPERAL_CONCURRENCY: '8',
      IMPERAL_REPLY_TTL_MS: '1000',
      IMPERAL_CLAIM_IDLE_MS: '2000',
      IMPERAL_MAX_DELIVERIES: '3',
      IMPERAL_DRAIN_TIMEOUT_MS: '0',
      IMPERAL_HTTP: '[::1]:0',
      IMPERAL_CALL_TOKEN_SECRET: 'new-secret, old-secret',
      IMPERAL_JWKS_URL: 'https://id.example/jwks.json',
      IMPERAL_JWT_ISSUER: 'iss',
      IMPERAL_JWT_AUDIENCE: 'aud',
      IMPERAL_INSECURE: 'yes',
      IMPERAL_MAX_BODY: '2048',
      IMPERAL_JSON_LOGS: 'off',
      IMPERAL_LOG_LEVEL: 'debug',
    };
    const o = resolveServeOptions('x', {}, env);
    expect(o).toMatchObject({
      redis: 'redis://:pw-secret@127.0.0.1:6390/2', stream: 's1', group: 'g1', consumer: 'c1', concurrency: 8, replyTtlMs: 1000,
      claimIdleMs: 2000, maxDeliveries: 3, drainTimeoutMs: 0, http: { host: '::1', port: 0 }, callTokenSecrets: ['new-secret', 'old-secret'],
      jwksUrl: 'https://id.example/jwks.json', jwtIssuer: 'iss', jwtAudience: 'aud', insecure: true, maxBody: 2048, jsonLogs: false, logLevel: 'debug',
    });
    // Every flag of the table has a variable here.
    expect(SERVE_FLAGS.every((f) => f.env in env || f.env === 'IMPERAL_GATEWAY_URL' || f.env === 'IMPERAL_SERVICE_TOKEN')).toBe(true);
    expect(resolveServeOptions('x', { concurrency: 2, stream: 'flag' }, env)).toMatchObject({ concurrency: 2, stream: 'flag' });
    expect(secretValues(o)).toEqual(['svc-token-abc', 'new-secret', 'old-secret', 'pw-secret']);
  });

  it.each([
    [{ concurrency: 0 }, 'concurrency', /--concurrency \(IMPERAL_CONCURRENCY\): must be at least 1/],
    [{ claimIdleMs: 5 }, 'claimIdleMs', /--claim-idle-ms .*at least 30/],
    [{ maxDeliveries: 1.5 }, 'maxDeliveries', /whole number/],
    [{ redis: 'http://x' }, 'redis', /expected a redis: or rediss: URL/],
    [{ http: 'localhost' }, 'http', /HOST:PORT/],
    [{ logLevel: 'loud' as never }, 'logLevel', /one of trace/],
    [{ callTokenSecret: 'a,,b' }, 'callTokenSecret', /empty item/],
  ])('refuses %o naming the flag and its variable', (bad, field, message) => {
    let error: unknown;
    try {
      resolveServeOptions('x', bad, base);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
  });

  it('names the variable when the bad value came from the environment', () => {
    expect(() => resolveServeOptions('x', {}, { ...base, IMPERAL_CONCURRENCY: 'many' })).toThrow(/IMPERAL_CONCURRENCY \(--concurrency\): must be a whole number, got "many"/);
  });

  it('requires the gateway URL and the service token, saying how to give them', () => {
    expect(() => resolveServeOptions('x', {}, { IMPERAL_SERVICE_TOKEN: 't' })).toThrow(/--gateway-url URL or set IMPERAL_GATEWAY_URL/);
    expect(() => resolveServeOptions('x', {}, { IMPERAL_GATEWAY_URL: 'http://h' })).toThrow(/--service-token TOKEN or set IMPERAL_SERVICE_TOKEN/);
  });
});

describe('secret masking', () => {
  it('replaces each secret, also JSON-escaped, and leaves other text alone', () => {
    const mask = secretMasker(['tok"en-123', 'pw-secret', 'ab']);
    expect(mask('{"msg":"auth tok\\"en-123 and pw-secret; ab stays"}')).toBe('{"msg":"auth *** and ***; ab stays"}');
  });

  it('redacts the password of a URL', () => {
    expect(redactUrl('redis://user:pw-secret@host:6379/0')).toBe('redis://user:***@host:6379/0');
  });
});

describe('imperal serve --help', () => {
  it('lists every flag with its environment variable', () => {
    let out = '';
    const program = createProgram({ out: (t) => (out += t), err: (t) => (out += t) }, { code: 0 }, addServeFlags);
    try {
      program.parse(['serve', '--help'], { from: 'user' });
    } catch {
      // commander exits (overridden) after printing help
    }
    for (const f of SERVE_FLAGS) {
      expect(out).toContain(f.flag);
      expect(out.replace(/\s+/g, ' ')).toContain(f.env);
    }
  });
});

describe('imperal serve with a bad flag or variable', () => {
  it('exits 2 naming the flag and its variable, before loading the extension', async () => {
    let err = '';
    const io = { out: () => undefined, err: (t: string) => (err += t) };
    const entry = new URL('./fixtures/redis-workers-ext.ts', import.meta.url).pathname;
    expect(await runCli(['serve', entry, '--gateway-url', 'http://127.0.0.1:1', '--service-token', 't', '--concurrency', '0'], io)).toBe(2);
    expect(err).toContain('--concurrency (IMPERAL_CONCURRENCY): must be at least 1, got 0');
    err = '';
    expect(await runCli(['serve', entry, '--service-token', 't'], io)).toBe(2);
    expect(err).toContain('IMPERAL_GATEWAY_URL');
  });
});
