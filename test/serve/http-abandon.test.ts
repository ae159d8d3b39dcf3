/**
 * A client that goes away while its call runs never gets the reply, so the call's
 * background tasks are dropped — not left holding a slot of the runner forever.
 */
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { Context } from '../../src/context/context.js';
import { ChatExtension } from '../../src/core/chat-extension.js';
import { Extension } from '../../src/core/extension.js';
import { ActionResult } from '../../src/types/action-result.js';
import { startTestHost, type TestHost } from './helpers/http-host.js';

const ext = new Extension('abandon-app', { version: '1.0.0' });
const chat = new ChatExtension(ext, { toolName: 'abandon' });
let taskRan = false;
chat.fn('slow_with_task', { description: 'Schedules a background task, then takes a while to answer.' })(async (ctx: Context) => {
  ctx.backgroundTask(async () => {
    taskRan = true;
    return ActionResult.success({}, { summary: 'done' });
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return ActionResult.success({ ok: true });
});

let t: TestHost;
afterAll(async () => t?.close());

describe('a client gone mid-call', () => {
  it('drops the call’s background tasks and frees their slots', async () => {
    t = await startTestHost(ext);
    const body = t.body('slow_with_task');
    const port = Number(new URL(t.url).port);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /v1/rpc HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: ImperalCallToken ${t.token()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
        // Gone before the 300 ms call answers.
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 80);
      });
      socket.on('error', reject);
    });
    for (let i = 0; i < 100 && t.host.inFlight > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.host.inFlight).toBe(0);
    expect(t.contexts.background.active).toBe(0);
    expect(taskRan).toBe(false);
  });
});
