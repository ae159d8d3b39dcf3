/**
 * An in-process host for the HTTP transport tests: a LocalGateway on 127.0.0.1, the
 * real host core, per-call contexts and the HTTP transport on a free port.
 */
import { randomBytes } from 'node:crypto';
import type { Extension } from '../../../src/core/extension.js';
import { encodeRequest } from '../../../src/rpc/envelope.js';
import { nowNs } from '../../../src/rpc/replies.js';
import { mintCallToken, type CallTokenToolType } from '../../../src/security/call-token.js';
import { createRpcAuth, type RpcAuthOptions } from '../../../src/serve/auth.js';
import { CallContextFactory } from '../../../src/serve/call-context.js';
import { Host } from '../../../src/serve/host.js';
import { createHostMetrics, type HostMetrics } from '../../../src/serve/metrics.js';
import { HttpTransport, type HttpTransportOptions } from '../../../src/serve/transports/http.js';
import { LocalGateway } from '../../../src/testing/gateway/index.js';

export const SECRET = 'call-token-secret-current';
export const OLD_SECRET = 'call-token-secret-previous';
export const SERVICE_TOKEN = 'svc-test-token';

export interface TestHost {
  readonly url: string;
  readonly gateway: LocalGateway;
  readonly host: Host;
  readonly contexts: CallContextFactory;
  readonly transport: HttpTransport;
  readonly metrics: HostMetrics;
  /** An envelope v1 object for `fn` (JSON-encodable: ns fields as bigints are encoded by `body()`). */
  envelope(fn: string, params?: Record<string, unknown>, extra?: Record<string, unknown>): Record<string, unknown>;
  /** The envelope's JSON text. */
  body(fn: string, params?: Record<string, unknown>, extra?: Record<string, unknown>): string;
  token(options?: { userId?: string; appId?: string; toolType?: CallTokenToolType; ttlSeconds?: number; secret?: string }): string;
  rpc(body: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface TestHostOptions {
  readonly auth?: Partial<RpcAuthOptions>;
  readonly transport?: Partial<Omit<HttpTransportOptions, 'host' | 'contexts' | 'auth' | 'listen'>>;
}

export async function startTestHost(ext: Extension, options: TestHostOptions = {}): Promise<TestHost> {
  const gateway = new LocalGateway({ serviceToken: SERVICE_TOKEN, extensions: [ext] });
  const gatewayUrl = await gateway.start();
  const contexts = new CallContextFactory({ ext, gatewayUrl, serviceToken: SERVICE_TOKEN });
  const metrics = createHostMetrics({ appId: ext.appId, processMetrics: false });
  const host = new Host(ext, { workerId: 'http-test-worker', contexts, metrics });
  const auth = createRpcAuth({ appId: ext.appId, callTokenSecrets: [SECRET, OLD_SECRET], ...options.auth });
  const transport = new HttpTransport({ host, contexts, auth, listen: { host: '127.0.0.1', port: 0 }, metrics, ...options.transport });
  await transport.start();
  const envelope = (fn: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    v: 1,
    corr_id: randomBytes(12).toString('hex'),
    user_id: 'imp_u_alice',
    tenant_id: 'tenant-a',
    agency_id: null,
    email: 'alice@example.com',
    role: 'admin',
    scopes: ['wire-kinds:read'],
    attributes: { plan: 'pro' },
    app_id: ext.appId,
    function: fn,
    params,
    reply_list: 'imperal:rpc:reply:test',
    deadline_ns: nowNs() + 20_000_000_000n,
    submitted_at_ns: nowNs(),
    ...extra,
  });
  return {
    url: transport.url,
    gateway,
    host,
    contexts,
    transport,
    metrics,
    envelope,
    body: (fn, params, extra) => encodeRequest(envelope(fn, params, extra) as Parameters<typeof encodeRequest>[0]),
    token: (o = {}) =>
      mintCallToken({ toolType: o.toolType ?? 'chat_fn', appId: o.appId ?? ext.appId, userId: o.userId ?? 'imp_u_alice', ttlSeconds: o.ttlSeconds ?? 60, secret: o.secret ?? SECRET }),
    rpc: (body, headers = {}) => fetch(`${transport.url}/v1/rpc`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }),
    async close() {
      await transport.close();
      await contexts.close(1_000);
      await gateway.stop();
    },
  };
}
