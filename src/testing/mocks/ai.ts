/**
 * `MockAI`: `ctx.ai` answering from canned completions by prompt pattern.
 *
 * @module
 */
import { completionBody, completionFrom, type AIClient, type CompleteOptions, type CompletionResult } from '../../context/clients/ai.js';
import { requireName } from '../../context/clients/checks.js';
import type { CannedCompletion, RecordedCompletion } from '../engine/ai.js';
import type { MockScope } from './scope.js';

/** In-memory `ctx.ai`. Unmatched prompts get `'Mock AI response'`. */
export class MockAI implements AIClient {
  constructor(private readonly scope: MockScope) {}

  async complete(prompt: string, options: CompleteOptions = {}): Promise<CompletionResult> {
    requireName('prompt', prompt, 'Summarise this note');
    const body = completionBody(prompt, this.scope.extensionId, options);
    return completionFrom(this.scope.platform.ai.complete(body), String(body.model));
  }

  /** Answers prompts containing `pattern` (or matching a RegExp) with `answer`; first registered wins. */
  respond(pattern: string | RegExp, answer: CannedCompletion): this {
    this.scope.platform.ai.respond(pattern, answer);
    return this;
  }

  /** Requests made so far (wire bodies). */
  get calls(): readonly RecordedCompletion[] {
    return this.scope.platform.ai.calls;
  }
}
