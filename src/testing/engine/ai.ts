/**
 * Canned AI completions by prompt pattern (`MockAI` and the local gateway's
 * `/v1/internal/ai/complete`).
 *
 * @module
 */

/** A canned answer: text, a partial gateway answer, or a function of the prompt. */
export type CannedCompletion =
  | string
  | { text?: string; model?: string; usage?: Record<string, unknown>; stop_reason?: string; tokens_used?: number }
  | ((prompt: string, request: Readonly<Record<string, unknown>>) => string);

/** The text returned when no pattern matches. */
export const DEFAULT_COMPLETION = 'Mock AI response';

/** A recorded completion request (wire body). */
export interface RecordedCompletion {
  readonly prompt: string;
  readonly request: Readonly<Record<string, unknown>>;
}

/** Matches prompts against registered patterns; the first registered match wins. */
export class AIResponder {
  readonly #rules: { pattern: string | RegExp; answer: CannedCompletion }[] = [];
  readonly #calls: RecordedCompletion[] = [];

  /** Answers prompts containing `pattern` (substring) or matching it (RegExp) with `answer`. */
  respond(pattern: string | RegExp, answer: CannedCompletion): this {
    this.#rules.push({ pattern, answer });
    return this;
  }

  /** The gateway answer for a request body `{prompt, model, …}`. */
  complete(request: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const prompt = String(request.prompt ?? '');
    this.#calls.push({ prompt, request: structuredClone(request) });
    const rule = this.#rules.find((r) => (typeof r.pattern === 'string' ? prompt.includes(r.pattern) : r.pattern.test(prompt)));
    const answer = rule?.answer ?? DEFAULT_COMPLETION;
    const base = typeof answer === 'function' ? { text: answer(prompt, request) } : typeof answer === 'string' ? { text: answer } : answer;
    const text = base.text ?? DEFAULT_COMPLETION;
    const tokens = base.tokens_used ?? Math.ceil((prompt.length + text.length) / 4);
    return {
      text,
      model: base.model ?? request.model,
      usage: base.usage ?? { total_tokens: tokens },
      stop_reason: base.stop_reason ?? 'end_turn',
      tokens_used: tokens,
    };
  }

  /** Requests seen so far. */
  get calls(): readonly RecordedCompletion[] {
    return [...this.#calls];
  }
}
