import pLimit from 'p-limit';
import type { Embedder } from '../contracts/embedder.js';

/** Counters the caller adds to its stats. */
export interface EmbedCounters {
  /** Requests sent. */
  calls: number;
  /** Texts sent. */
  texts: number;
}

/**
 * Embeds texts in batches of `batchSize` with at most `concurrency` requests in flight,
 * checking that every vector has the expected dimension (a mismatch must never reach the store).
 */
export async function embedInBatches(
  embedder: Embedder,
  texts: string[],
  options: { batchSize: number; concurrency: number; dimension: number; signal: AbortSignal },
  counters: EmbedCounters,
): Promise<number[][]> {
  const limit = pLimit(options.concurrency);
  const batches: string[][] = [];
  for (let i = 0; i < texts.length; i += options.batchSize) batches.push(texts.slice(i, i + options.batchSize));
  const results = await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        options.signal.throwIfAborted();
        counters.calls++;
        counters.texts += batch.length;
        const vectors = await embedder.embed(batch, options.signal);
        if (vectors.length !== batch.length) {
          throw new Error(`embedder ${embedder.id}:${embedder.model} returned ${vectors.length} vectors for ${batch.length} texts`);
        }
        for (const vector of vectors) {
          if (vector.length !== options.dimension) {
            throw new Error(`embedder ${embedder.id}:${embedder.model} returned a ${vector.length}-dimensional vector; the store expects ${options.dimension}`);
          }
        }
        return vectors;
      }),
    ),
  );
  return results.flat();
}
