/**
 * Builds the HTTP transport from the host's resolved options: the `/v1/rpc`
 * credential check (call-token secrets, JWKS, `--insecure`), the body limit, the
 * listen address and the `/manifest` text. `serve()` calls this once per process.
 *
 * @module
 */
import type { Extension } from '../core/extension.js';
import { createRpcAuth, type ReplayGuard, type redisReplayGuard } from './auth.js';
import type { CallContextFactory } from './call-context.js';
import { manifestText } from './manifest.js';
import type { HostMetrics } from './metrics.js';
import type { ResolvedServeOptions } from './options.js';
import { HttpTransport, type TransportLogger } from './transports/http.js';
import type { HostCore } from './types.js';

/** What {@link createHttpTransport} needs besides the options. */
export interface HttpWiring {
  readonly host: HostCore;
  readonly contexts: Pick<CallContextFactory, 'forSurface'>;
  readonly options: Pick<ResolvedServeOptions, 'http' | 'maxBody' | 'concurrency' | 'callTokenSecrets' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience' | 'insecure'>;
  readonly metrics?: HostMetrics;
  readonly logger?: TransportLogger;
  /** The whole host's readiness (every transport connected, not draining), for `/readyz`. */
  readonly ready?: () => boolean;
  /** Replay guard of call tokens; pass {@link redisReplayGuard} when the host has Redis (default: bounded in-memory cache). */
  readonly replayGuard?: ReplayGuard;
  /** The project folder, so `/manifest` merges the hand-written fields of its `imperal.json`. */
  readonly projectDir?: string;
}

/** The HTTP transport of a host (not started). */
export function createHttpTransport(w: HttpWiring): HttpTransport {
  const o = w.options;
  const ext: Extension = w.host.ext;
  const auth = createRpcAuth({
    appId: ext.appId,
    callTokenSecrets: o.callTokenSecrets,
    ...(o.jwksUrl ? { jwt: { jwksUrl: o.jwksUrl, ...(o.jwtIssuer ? { issuer: o.jwtIssuer } : {}), ...(o.jwtAudience ? { audience: o.jwtAudience } : {}) } } : {}),
    insecure: o.insecure,
    ...(w.replayGuard ? { replayGuard: w.replayGuard } : {}),
  });
  return new HttpTransport({
    host: w.host,
    contexts: w.contexts,
    auth,
    listen: o.http,
    maxBody: o.maxBody,
    maxInFlight: o.concurrency,
    manifest: () => manifestText(ext, w.projectDir),
    ...(w.metrics ? { metrics: w.metrics } : {}),
    ...(w.logger ? { logger: w.logger } : {}),
    ...(w.ready ? { ready: w.ready } : {}),
  });
}
