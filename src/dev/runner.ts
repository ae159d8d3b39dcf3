/**
 * Runs invocations of the extension serving now against the local platform:
 * a real context per call (undici clients pointed at the local gateway), the
 * dispatcher of the extension's own SDK, per-call logs, and what the platform
 * does around a call (a function's declared event, skeleton storage, event
 * delivery to the extension's subscribers).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { ContextKind } from '../context/context.js';
import type { IdentityInit } from '../context/identity.js';
import type { LogRecord } from '../context/logger.js';
import type { Invocation, WireResults } from '../core/dispatch.js';
import { matchesEventType } from '../core/dispatch-system.js';
import type { Extension } from '../core/extension.js';
import { DevError } from '../errors.js';
import { HttpError } from './http-util.js';
import type { EmittedEvent } from '../testing/engine/bus.js';
import { PlatformState } from '../testing/engine/platform.js';
import type { DevPlatform } from './platform.js';
import type { SdkRuntime } from './sdk.js';

/** Who a call acts as (the playground's identity switcher). */
export interface DevIdentity {
  readonly userId: string;
  readonly role?: string;
  readonly scopes?: readonly string[];
  readonly email?: string;
  readonly tenantId?: string;
}

/** The fixed dev user every call acts as unless told otherwise: every scope. */
export const DEV_USER: Required<DevIdentity> = { userId: 'imp_u_dev', role: 'admin', scopes: ['*'], email: 'dev@localhost', tenantId: 'default' };

/** One log record of a call. */
export interface CallLog extends LogRecord {
  readonly callId: string;
}

/** Most log records kept (oldest dropped first). */
export const MAX_LOGS = 2000;
/** Longest a call may run before its context is aborted. */
export const CALL_DEADLINE_MS = 60_000;
/** Most events delivered to the extension's own subscribers per second (stops emit loops). */
export const MAX_DELIVERIES_PER_SECOND = 50;

/** What a finished call reports besides its result. */
export interface CallOutcome<T> {
  readonly callId: string;
  readonly result: T;
  readonly version: number;
}

/** Runs calls against the current version. */
export class DevRunner {
  readonly logs: CallLog[] = [];
  identity: Required<DevIdentity> = { ...DEV_USER };
  readonly #platform: DevPlatform;
  readonly #current: () => { ext: Extension; id: number } | undefined;
  readonly #sdk: () => SdkRuntime;
  #gatewayUrl = '';
  #window = { start: 0, count: 0 };

  readonly #deadlineMs: number;

  constructor(platform: DevPlatform, current: () => { ext: Extension; id: number } | undefined, sdk: () => SdkRuntime, options: { deadlineMs?: number } = {}) {
    this.#platform = platform;
    this.#current = current;
    this.#sdk = sdk;
    this.#deadlineMs = options.deadlineMs ?? CALL_DEADLINE_MS;
  }

  /** Sets the gateway the contexts talk to. */
  useGateway(url: string): void {
    this.#gatewayUrl = url;
  }

  /** The identity of a request: `as` completed with the default identity's fields. */
  resolve(as?: Partial<DevIdentity> | string): Required<DevIdentity> {
    if (as === undefined || as === '') return this.identity;
    if (typeof as === 'string') return { ...this.identity, userId: as };
    if (typeof as !== 'object' || as === null) throw new DevError("'as' must be { userId, role?, scopes? } or a user id");
    if (as.userId !== undefined && (typeof as.userId !== 'string' || as.userId === '')) throw new DevError("'as.userId' must be a non-empty string");
    if (as.scopes !== undefined && (!Array.isArray(as.scopes) || as.scopes.some((s) => typeof s !== 'string'))) throw new DevError("'as.scopes' must be an array of strings");
    return { ...this.identity, ...Object.fromEntries(Object.entries(as).filter(([, v]) => v !== undefined)) } as Required<DevIdentity>;
  }

  #version(): { ext: Extension; id: number } {
    const v = this.#current();
    if (!v) throw new DevError('the extension has not loaded yet; fix the error shown by imperal dev');
    return v;
  }

  #context(kind: ContextKind, ext: Extension, who: Required<DevIdentity> | undefined, callId: string, signal: AbortSignal) {
    const identity: IdentityInit | undefined = who && { imperalId: who.userId, email: who.email, role: who.role, scopes: who.scopes, tenantId: who.tenantId };
    return this.#sdk().createContext({
      kind,
      gatewayUrl: this.#gatewayUrl,
      serviceToken: this.#platform.serviceToken,
      callToken: 'dev',
      extension: ext,
      // The local platform is a workstation: ctx.http may reach local services (docs/security.md).
      allowPrivateNetwork: true,
      ...(identity ? { identity } : {}),
      tenant: { tenantId: who?.tenantId ?? 'default' },
      config: this.#platform.config,
      env: {},
      signal,
      logSink: (record) => this.#log(callId, record),
    });
  }

  #log(callId: string, record: LogRecord): void {
    const entry: CallLog = { ...record, message: this.#mask(record.message), callId };
    this.logs.push(entry);
    if (this.logs.length > MAX_LOGS) this.logs.splice(0, this.logs.length - MAX_LOGS);
    this.#platform.hub.publish('log', entry);
  }

  /** Masks every secret value the local vault holds (on top of the context's own redaction). */
  #mask(text: string): string {
    let out = text;
    for (const s of this.#platform.platform.vault.exportState()) if (s.value.length >= 4 && out.includes(s.value)) out = out.split(s.value).join('[redacted]');
    return out;
  }

  /** Runs `invocation` with a fresh context of `kind` acting as `who`. */
  async run<I extends Invocation>(invocation: I, kind: ContextKind, who: Required<DevIdentity> | undefined): Promise<CallOutcome<WireResults[I['kind']]>> {
    const { ext, id } = this.#version();
    const callId = randomBytes(8).toString('hex');
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new DevError(`call exceeded ${this.#deadlineMs} ms`)), this.#deadlineMs);
    try {
      const ctx = this.#context(kind, ext, who, callId, abort.signal);
      const result = await this.#bounded(this.#sdk().dispatch(ext, invocation, ctx), abort.signal);
      return { callId, result, version: id };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A chat function (or any wire tool name, e.g. `__panel__x`) through `runRpcRequest`, as the host runs it. */
  async call(name: string, params: unknown, who: Required<DevIdentity>): Promise<CallOutcome<Record<string, unknown>>> {
    const { ext, id } = this.#version();
    if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) throw new DevError("'params' must be a JSON object");
    const callId = randomBytes(8).toString('hex');
    const abort = new AbortController();
    const nowNs = BigInt(Date.now()) * 1_000_000n;
    const timer = setTimeout(() => abort.abort(new DevError(`call exceeded ${this.#deadlineMs} ms`)), this.#deadlineMs);
    try {
      const ctx = this.#context('chat_fn', ext, who, callId, abort.signal);
      const reply = await this.#bounded(this.#sdk().runRpcRequest(
        ext,
        {
          v: 1, corr_id: `dev-${callId}`, user_id: who.userId, tenant_id: who.tenantId, agency_id: null, email: who.email, role: who.role,
          scopes: [...who.scopes], attributes: {}, app_id: ext.appId, function: name, params: (params ?? {}) as Record<string, unknown>,
          reply_list: 'dev', deadline_ns: nowNs + BigInt(this.#deadlineMs) * 1_000_000n, submitted_at_ns: nowNs,
        },
        ctx,
        { workerId: 'imperal-dev' },
      ), abort.signal);
      const result: Record<string, unknown> =
        reply.status === 'success' && reply.result
          ? reply.result
          : { status: 'error', summary: '', data: null, error: reply.error?.message ?? 'the call failed', error_code: (reply.error?.category ?? 'infrastructure').toUpperCase(), retryable: reply.error?.retryable ?? false };
      const record = ext.registry.functions.get(name);
      // The platform announces a write's declared event once the function succeeded.
      if (record?.event && result.status === 'success') {
        this.#platform.publish({ eventType: record.event, data: (result.data ?? {}) as Record<string, unknown>, sourceApp: ext.appId, userId: who.userId, tenantId: who.tenantId, id: `dev-${callId}` });
      }
      return { callId, result, version: id };
    } finally {
      clearTimeout(timer);
    }
  }

  /** `work`, or a 504 {@link HttpError} once `signal` aborts at the deadline (a late result is dropped). */
  #bounded<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(new HttpError(504, `the call did not finish within ${this.#deadlineMs} ms`));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Refreshes a skeleton section and stores its response where `ctx.skeleton.get` reads it. */
  async skeleton(section: string, who: Required<DevIdentity>): Promise<CallOutcome<WireResults['skeleton']>> {
    const out = await this.run({ kind: 'skeleton', section }, 'skeleton', who);
    if (!out.result.error) {
      this.#platform.platform.skeleton.set(PlatformState.skeletonKey(this.#version().ext.appId, who.userId, section), out.result.response);
      this.#platform.changed();
    }
    return out;
  }

  /** Delivers a published event to the extension's own subscribers (as the platform's event bus does). */
  async deliver(event: EmittedEvent): Promise<CallOutcome<WireResults['event']> | undefined> {
    const v = this.#current();
    if (!v || ![...v.ext.registry.eventHandlers].some((h) => matchesEventType(h.eventType, event.eventType))) return undefined;
    const now = Date.now();
    if (now - this.#window.start > 1000) this.#window = { start: now, count: 0 };
    if (++this.#window.count > MAX_DELIVERIES_PER_SECOND) {
      this.#log('platform', { level: 'warn', message: `event '${event.eventType}' not delivered: more than ${MAX_DELIVERIES_PER_SECOND} deliveries in one second (an emit loop?)`, logger: 'imperal.dev', fields: {}, time: new Date().toISOString() });
      return undefined;
    }
    const who = event.userId && !event.userId.startsWith('__') ? this.resolve(event.userId) : undefined;
    return this.run(
      { kind: 'event', event: { event_type: event.eventType, timestamp: new Date().toISOString(), user_id: event.userId, tenant_id: event.tenantId, data: event.data, ...(event.id ? { event_id: event.id } : {}) } },
      who ? 'tool' : 'system',
      who,
    );
  }
}
