/**
 * The mock of `ctx.deliverChatMessage`: records the wire body.
 *
 * @module
 */
import { chatBody, type ChatInjector, type ChatMessageOptions } from '../../context/clients/chat.js';
import type { InjectedChatMessage } from '../engine/platform.js';
import type { MockScope } from './scope.js';

/** Records chat messages into the platform state. */
export class MockChat implements ChatInjector {
  constructor(private readonly scope: MockScope) {}

  async deliver(text: string, options: ChatMessageOptions = {}): Promise<void> {
    this.scope.platform.chat.push(chatBody(this.scope.extensionId, this.scope.userId, text, options) as InjectedChatMessage);
  }

  /** Messages delivered so far. */
  get messages(): readonly InjectedChatMessage[] {
    return [...this.scope.platform.chat];
  }
}
