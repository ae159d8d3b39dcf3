/**
 * The two ways the contract suite builds a Context: MockContext, and the real
 * clients over loopback to the LocalGateway. Both share one PlatformState so a
 * test can seed and observe the same way.
 */
import { Pool } from 'undici';
import { z } from 'zod';
import { Extension } from '../../../src/core/extension.js';
import { createContext } from '../../../src/context/factory.js';
import type { Context, ContextKind } from '../../../src/context/context.js';
import { mintCallToken } from '../../../src/security/call-token.js';
import { FakeClock } from '../../../src/testing/clock.js';
import { PlatformState } from '../../../src/testing/engine/platform.js';
import { LocalGateway } from '../../../src/testing/gateway/server.js';
import { MockContext } from '../../../src/testing/mock-context.js';

export const APP = 'contract-app';
export const Inbox = z.object({ unread: z.number().int(), subject: z.string().optional() });

/** The extension every contract test runs as. */
export function contractExtension(): Extension {
  const ext = new Extension(APP);
  ext.cacheModel('inbox', Inbox);
  ext.secret({ name: 'api_key', description: 'Provider API key', writeMode: 'both', maxBytes: 16 });
  ext.secret({ name: 'user_token', description: 'Set by the user only' });
  ext.secret({ name: 'shared_key', description: 'One per installation', writeMode: 'extension', scope: 'app' });
  return ext;
}

export interface ContextOptions {
  readonly kind?: ContextKind;
  readonly userId?: string;
  readonly config?: Record<string, unknown>;
}

export interface Harness {
  readonly name: string;
  readonly platform: PlatformState;
  readonly clock: FakeClock;
  make(options?: ContextOptions): Context;
  close(): Promise<void>;
}

const SECRET = 'call-token-secret';

export async function mockHarness(): Promise<Harness> {
  const clock = new FakeClock();
  const platform = new PlatformState({ clock });
  const ext = contractExtension();
  return {
    name: 'MockContext',
    platform,
    clock,
    make: (o = {}) => new MockContext({ extension: ext, platform, kind: o.kind ?? 'tool', config: o.config, ...(o.userId ? { userId: o.userId } : {}) }),
    close: async () => undefined,
  };
}

export async function gatewayHarness(): Promise<Harness> {
  const clock = new FakeClock();
  const platform = new PlatformState({ clock });
  const ext = contractExtension();
  const gateway = new LocalGateway({ platform, serviceToken: 'svc', callTokenSecret: SECRET, extensions: [ext] });
  const url = await gateway.start();
  const pool = new Pool(url);
  return {
    name: 'gateway clients',
    platform,
    clock,
    make: (o = {}) => {
      const kind = o.kind ?? 'tool';
      const userId = o.userId ?? (kind === 'system' ? '__system__' : kind === 'webhook' ? '__webhook__' : 'test_user');
      const toolType = kind === 'skeleton' || kind === 'panel' || kind === 'chat_fn' ? kind : 'tool';
      return createContext({
        kind,
        gatewayUrl: url,
        serviceToken: 'svc',
        callToken: mintCallToken({ toolType, appId: APP, userId, ttlSeconds: 300, secret: SECRET, now: () => clock.now() }),
        identity: { imperalId: userId, email: 'test@test.com', role: 'user', scopes: ['*'], tenantId: 'default' },
        extension: ext,
        config: o.config,
        dispatcher: pool,
        retry: { maxRetries: 0 },
      });
    },
    close: async () => {
      await pool.close();
      await gateway.stop();
    },
  };
}
