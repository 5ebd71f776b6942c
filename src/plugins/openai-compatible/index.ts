import type { EmbedderProvider } from '../../plugin-api.js';
import { createOpenAIEmbedder } from './openai-embedder.js';
import { openAIOptionsSchema, type OpenAIOptions } from './openai-options.js';

export { createOpenAIEmbedder } from './openai-embedder.js';
export { apiRoot, openAIOptionsSchema, type OpenAIOptions } from './openai-options.js';
export { vectorsFromResponse } from './openai-response.js';

/** Embeds through any OpenAI-compatible `/v1/embeddings` server (OpenAI, vLLM, LM Studio, llama.cpp, TEI). */
export const openAICompatibleProvider: EmbedderProvider<OpenAIOptions> = {
  type: 'openai-compatible',
  description: 'OpenAI-compatible /v1/embeddings (OpenAI, vLLM, LM Studio, llama.cpp server, TEI); key from options.api_key_env',
  optionsSchema: openAIOptionsSchema,
  create: (ctx) => createOpenAIEmbedder(ctx),
};
