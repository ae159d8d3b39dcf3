import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';

/** LLM provider SDKs an extension must not call directly (ctx.ai routes, meters and audits). */
export const LLM_PROVIDER_PACKAGES: readonly string[] = [
  'openai', '@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk', '@google/genai',
  '@google/generative-ai', '@google-cloud/vertexai', '@mistralai/mistralai', 'cohere-ai', 'groq-sdk',
  'together-ai', 'ollama', 'replicate', '@huggingface/inference', '@aws-sdk/client-bedrock-runtime',
  '@azure/openai', 'ai', '@ai-sdk/openai', '@ai-sdk/anthropic', '@ai-sdk/google', '@ai-sdk/mistral',
  '@langchain/openai', '@langchain/anthropic', 'langchain',
];

/** `openai/resources` → `openai`, `@scope/pkg/sub` → `@scope/pkg`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** V7 — no direct imports of LLM provider SDKs: go through `ctx.ai`. */
export const V7: Rule = {
  id: 'V7',
  level: 'ERROR',
  summary: 'No direct imports of LLM provider SDKs (openai, @anthropic-ai/sdk, @google/genai, …); use ctx.ai',
  check({ source }) {
    return source.imports
      .filter((i) => LLM_PROVIDER_PACKAGES.includes(packageOf(i.specifier)))
      .map((i) => finding('V7', 'ERROR', `Direct '${i.text.trim()}' found. Use ctx.ai instead`,
        `Replace direct LLM imports ('${packageOf(i.specifier)}') with ctx.ai.complete()`, locate(i.file, i.node)));
  },
};
