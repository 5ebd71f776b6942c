import type { EmbedderProvider } from '../../plugin-api.js';
import { createHashEmbedder } from './hash-embedder.js';
import { hashOptionsSchema, type HashOptions } from './hash-options.js';

export { createHashEmbedder } from './hash-embedder.js';
export { hashEmbed, textFeatures, identifierParts } from './hash-features.js';
export { hashOptionsSchema, type HashOptions } from './hash-options.js';

/**
 * Offline feature-hashing embedder: no model, no network, deterministic. LEXICAL (shared
 * words, not meaning): for demos, tests and air-gapped use.
 */
export const hashProvider: EmbedderProvider<HashOptions> = {
  type: 'hash',
  description: 'offline feature hashing (lexical, no model): demos, tests, air-gapped use',
  optionsSchema: hashOptionsSchema,
  create: (ctx) => createHashEmbedder(ctx),
};
