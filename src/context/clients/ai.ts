/**
 * `ctx.ai`: text completion through the platform's model gateway.
 *
 * @module
 */
import type { WriteOptions } from '../../http/gateway.js';
import { requireName } from './checks.js';
import type { ClientScope } from './scope.js';

/** Upstream AI timeout. */
const AI_TIMEOUT_MS = 120_000;
/** The model used when none is named. */
export const DEFAULT_AI_MODEL = 'claude-sonnet-4-6';

/** Options of {@link AIClient.complete}. */
export interface CompleteOptions extends WriteOptions {
  /** Model id (default `claude-sonnet-4-6`). */
  readonly model?: string;
  readonly maxTokens?: number;
  readonly temperature?: number;
  /** System prompt. */
  readonly system?: string;
  /** Prior conversation, in the gateway's message format. */
  readonly messages?: readonly Record<string, unknown>[];
  /** Further gateway fields, sent as given (snake_case). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** What a completion returns (`completion_result.schema.json` plus `tokensUsed`). */
export interface CompletionResult {
  readonly text: string;
  readonly model: string;
  readonly usage: Readonly<Record<string, unknown>>;
  readonly stopReason: string;
  readonly tokensUsed: number;
}

/** The `ctx.ai` interface, implemented by the gateway client and `MockAI`. */
export interface AIClient {
  /** Completes `prompt`. A completion is not idempotent: it is retried only with an `idempotencyKey`. */
  complete(prompt: string, options?: CompleteOptions): Promise<CompletionResult>;
}

/** Builds the request body in the gateway's field order. */
export function completionBody(prompt: string, extensionId: string, o: CompleteOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { prompt, model: o.model ?? DEFAULT_AI_MODEL, extension_id: extensionId };
  if (o.maxTokens !== undefined) body.max_tokens = o.maxTokens;
  if (o.temperature !== undefined) body.temperature = o.temperature;
  if (o.system !== undefined) body.system = o.system;
  if (o.messages !== undefined) body.messages = o.messages;
  return { ...body, ...o.extra };
}

/** Reads a gateway completion answer; `requested` is the model asked for. */
export function completionFrom(raw: Record<string, unknown>, requested: string): CompletionResult {
  const usage = raw.usage && typeof raw.usage === 'object' ? (raw.usage as Record<string, unknown>) : {};
  const tokens = typeof raw.tokens_used === 'number' ? raw.tokens_used : typeof usage.total_tokens === 'number' ? usage.total_tokens : 0;
  return Object.freeze({
    text: typeof raw.text === 'string' ? raw.text : '',
    model: typeof raw.model === 'string' && raw.model ? raw.model : requested,
    usage,
    stopReason: typeof raw.stop_reason === 'string' ? raw.stop_reason : '',
    tokensUsed: tokens,
  });
}

/** `ctx.ai` over `POST /v1/internal/ai/complete`. */
export class GatewayAIClient implements AIClient {
  constructor(private readonly scope: ClientScope) {}

  async complete(prompt: string, options: CompleteOptions = {}): Promise<CompletionResult> {
    requireName('prompt', prompt, 'Summarise this note');
    const body = completionBody(prompt, this.scope.extensionId, options);
    const reply = await this.scope.http.call({
      what: 'ai.complete',
      method: 'POST',
      path: '/v1/internal/ai/complete',
      headers: this.scope.service(),
      json: body,
      timeoutMs: AI_TIMEOUT_MS,
      options,
    });
    return completionFrom(reply.object(), String(body.model));
  }
}
