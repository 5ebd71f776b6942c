import type { Embedder, EmbedderContext } from '../../plugin-api.js';
import type { ValidationIssue } from '../../plugin-api.js';
import { hashEmbed } from './hash-features.js';
import type { HashOptions } from './hash-options.js';

/**
 * Creates the offline feature-hashing embedder.
 *
 * LEXICAL, not semantic: texts are close when they share words, identifier parts and
 * character n-grams, not when they mean the same thing ("car" and "automobile" are unrelated
 * to it). Meant for demos, tests and air-gapped machines where no embedding model can run;
 * use a real model (`ollama`, `openai-compatible`) for retrieval quality. Deterministic: the
 * same text always gives the same vector, across runs and machines.
 */
export function createHashEmbedder(ctx: EmbedderContext<HashOptions>): Embedder {
  const { settings, options } = ctx;
  const dimensions = settings.dimensions;
  const problem =
    Number.isInteger(dimensions) && dimensions > 0
      ? undefined
      : `hash embedder: [embedder] dimensions must be a positive integer, got ${String(dimensions)}`;

  return {
    id: 'hash',
    model: settings.model || `feature-hash-${dimensions}`,

    validate(): Promise<ValidationIssue[]> {
      return Promise.resolve(problem ? [{ message: problem }] : []);
    },

    probeDimension(): Promise<number> {
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve(dimensions);
    },

    embed(texts: string[], signal: AbortSignal): Promise<number[][]> {
      if (problem) return Promise.reject(new Error(problem));
      if (signal.aborted) return Promise.reject(signal.reason);
      return Promise.resolve(texts.map((text) => hashEmbed(text, dimensions, { ngram: options.ngram })));
    },
  };
}
