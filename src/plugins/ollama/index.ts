import type { EmbedderProvider } from '../../plugin-api.js';
import { createOllamaEmbedder } from './ollama-embedder.js';
import { ollamaOptionsSchema, type OllamaOptions } from './ollama-options.js';

export { createOllamaEmbedder, dimensionFromModelInfo } from './ollama-embedder.js';
export { resolveOllamaHost, DEFAULT_OLLAMA_HOST } from './ollama-host.js';
export { ollamaOptionsSchema, type OllamaOptions } from './ollama-options.js';

/** Embeds through a local or remote Ollama server (`/api/embed`). */
export const ollamaProvider: EmbedderProvider<OllamaOptions> = {
  type: 'ollama',
  description: 'Ollama server (/api/embed); host from [embedder] host or OLLAMA_HOST',
  optionsSchema: ollamaOptionsSchema,
  create: (ctx) => createOllamaEmbedder(ctx),
};
