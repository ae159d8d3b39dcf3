/**
 * The host's deadline holds even when a handler blocks before its first await: the
 * timer is armed before the handler starts, so it fires as soon as the handler yields.
 */
import { describe, expect, it } from 'vitest';
import { ActionResult } from '../../src/types/action-result.js';
import { ChatExtension } from '../../src/core/chat-extension.js';
import { Extension } from '../../src/core/extension.js';
import { decodeRequest } from '../../src/rpc/envelope.js';
import { CallContextFactory } from '../../src/serve/call-context.js';
import { Host } from '../../src/serve/host.js';

describe('host deadlines', () => {
  it('a handler that blocks past the deadline and finishes later gets the timeout reply', async () => {
    const ext = new Extension('deadline-app', { version: '1.0.0' });
    const chat = new ChatExtension(ext, { toolName: 'deadline' });
    let finished = false;
    chat.fn('blocker', { description: 'Blocks the event loop, then finishes a little later.' })(async () => {
      const until = Date.now() + 300;
      while (Date.now() < until) {
        // Busy: 300 ms without yielding, past the 200 ms deadline.
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
      finished = true;
      return ActionResult.success({ done: true });
    });
    const contexts = new CallContextFactory({ ext, gatewayUrl: 'http://127.0.0.1:9', serviceToken: 'svc' });
    const host = new Host(ext, { workerId: 'w1', contexts });
    const now = BigInt(Date.now()) * 1_000_000n;
    const request = decodeRequest({
      corr_id: 'deadline-blocker-01', user_id: 'u1', tenant_id: 't', email: '', role: 'user', app_id: 'deadline-app',
      function: 'blocker', reply_list: 'r', deadline_ns: now + 200_000_000n, submitted_at_ns: now,
    }).value;
    const call = await host.run(request, 'http');
    expect(call.reply.error?.category).toBe('timeout');
    // The handler did finish later; its result was discarded.
    for (let i = 0; i < 50 && !finished; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toBe(true);
    await contexts.close(100);
  });
});
