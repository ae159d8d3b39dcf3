/**
 * One keep-alive pool per gateway origin, shared by every context that does
 * not inject a dispatcher; an injected one is used as given.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MockAgent } from 'undici';
import { GatewayHttp } from '../../src/http/gateway.js';
import { closeSharedDispatchers, gatewayDispatcher } from '../../src/http/pool.js';

afterAll(() => closeSharedDispatchers());

describe('gateway pools', () => {
  it('shares one pool per origin, whatever the path', () => {
    const a = new GatewayHttp({ gatewayUrl: 'http://gw.test:8080/base/' });
    const b = new GatewayHttp({ gatewayUrl: 'http://gw.test:8080' });
    const c = new GatewayHttp({ gatewayUrl: 'http://other.test:8080' });
    expect(a.transport.dispatcher).toBe(b.transport.dispatcher);
    expect(a.transport.dispatcher).toBe(gatewayDispatcher('http://gw.test:8080/x'));
    expect(c.transport.dispatcher).not.toBe(a.transport.dispatcher);
    expect(a.baseUrl).toBe('http://gw.test:8080/base');
  });

  it('uses an injected dispatcher and never the shared pool', () => {
    const mock = new MockAgent();
    expect(new GatewayHttp({ gatewayUrl: 'http://gw.test:8080', dispatcher: mock }).transport.dispatcher).toBe(mock);
  });

  it('builds a fresh pool after closeSharedDispatchers()', async () => {
    const before = gatewayDispatcher('http://gw.test:8080');
    await closeSharedDispatchers();
    expect(gatewayDispatcher('http://gw.test:8080')).not.toBe(before);
  });
});
