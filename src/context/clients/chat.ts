/**
 * Pushing a message into the user's chat from outside a chat turn
 * (`ctx.deliverChatMessage`), e.g. when background work finishes.
 *
 * @module
 */
import type { WriteOptions } from '../../http/gateway.js';
import { requireName } from './checks.js';
import type { ClientScope } from './scope.js';

const CHAT_TIMEOUT_MS = 10_000;
/** Longest message, in UTF-8 bytes, before it is cut. */
export const CHAT_MAX_BYTES = 65_536;
const TRUNCATION_MARK = '...(truncated)';

/** Options of a chat message. */
export interface ChatMessageOptions extends WriteOptions {
  /** `response` (default), `system` or `tool_result`. */
  readonly msgType?: 'response' | 'system' | 'tool_result';
  /** Panels the shell should refresh after showing the message. */
  readonly refreshPanels?: readonly string[];
}

/** Sends chat messages on behalf of the extension. */
export interface ChatInjector {
  deliver(text: string, options?: ChatMessageOptions): Promise<void>;
}

/** Cuts `text` to {@link CHAT_MAX_BYTES} UTF-8 bytes (never mid-character) and marks the cut. */
export function truncateChat(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength <= CHAT_MAX_BYTES) return text;
  // fatal:false + trimming the replacement char drops a partial trailing character.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, CHAT_MAX_BYTES)).replace(/\uFFFD$/, '');
  return head + TRUNCATION_MARK;
}

/** The wire body of a chat inject. */
export function chatBody(extId: string, userId: string, text: string, o: ChatMessageOptions): Record<string, unknown> {
  requireName('text', text, 'Your report is ready');
  const body: Record<string, unknown> = { ext_id: extId, user_id: userId, text: truncateChat(text), msg_type: o.msgType ?? 'response' };
  if (o.refreshPanels && o.refreshPanels.length > 0) body.refresh_panels = [...o.refreshPanels];
  return body;
}

/** Chat inject over `POST /v1/internal/chat/inject`. */
export class GatewayChatInjector implements ChatInjector {
  constructor(private readonly scope: ClientScope) {}

  async deliver(text: string, options: ChatMessageOptions = {}): Promise<void> {
    const s = this.scope;
    await s.http.call({
      what: 'chat.inject',
      method: 'POST',
      path: '/v1/internal/chat/inject',
      headers: { ...s.service(), 'x-acting-user': s.userId },
      json: chatBody(s.extensionId, s.userId, text, options),
      timeoutMs: CHAT_TIMEOUT_MS,
      options,
    });
  }
}
