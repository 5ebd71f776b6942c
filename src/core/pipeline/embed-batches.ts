import type { Embedder } from '../contracts/embedder.js';
import { checkVectors } from '../embedding/vectors.js';
import type { EmbedBudget } from './embed-budget.js';

/** Counters the caller adds to its stats. */
export interface EmbedCounters {
  /** Requests sent. */
  calls: number;
  /** Texts sent. */
  texts: number;
  /** Requests retried after a transient error. */
  retries: number;
}

/** What one source's embedding needs. */
export interface VectorSourceOptions {
  embedder: Embedder;
  budget: EmbedBudget;
  /** Owner of the budget slots (the source name), for fair sharing. */
  owner: string;
  batchSize: number;
  dimension: number;
  signal: AbortSignal;
  counters: EmbedCounters;
}

/**
 * Vectors by content hash for one source, embedded in batches of `batchSize` through the shared
 * budget. A text already being embedded for another group of the same source is not sent again:
 * callers share the pending promise.
 */
export class VectorSource {
  private readonly pending = new Map<string, Promise<number[]>>();

  constructor(private readonly options: VectorSourceOptions) {}

  /** Vectors for `texts` (by hash); every batch is sent at once and waits for a budget slot. */
  vectors(texts: Map<string, string>): Map<string, Promise<number[]>> {
    const result = new Map<string, Promise<number[]>>();
    const toSend: Array<[string, string]> = [];
    for (const [hash, text] of texts) {
      const known = this.pending.get(hash);
      if (known) result.set(hash, known);
      else toSend.push([hash, text]);
    }
    const { batchSize } = this.options;
    for (let i = 0; i < toSend.length; i += batchSize) {
      const batch = toSend.slice(i, i + batchSize);
      const request = this.embedBatch(batch.map(([, text]) => text));
      // A failure is seen by whoever awaits a vector; this handler only keeps it from being "unhandled".
      request.catch(() => {});
      batch.forEach(([hash], j) => {
        const vector = request.then((vectors) => vectors[j]!);
        vector.catch(() => {});
        this.pending.set(hash, vector);
        result.set(hash, vector);
      });
    }
    return result;
  }

  /** Forgets texts once they are stored (later lookups find them in the store). */
  release(hashes: Iterable<string>): void {
    for (const hash of hashes) this.pending.delete(hash);
  }

  private embedBatch(batch: string[]): Promise<number[][]> {
    const { embedder, budget, owner, dimension, signal, counters } = this.options;
    return budget.run(
      owner,
      async () => {
        signal.throwIfAborted();
        counters.calls++;
        counters.texts += batch.length;
        const vectors = await embedder.embed(batch, signal, { onRetry: () => void counters.retries++ });
        // Any embedder, built-in or not: a count or dimension mismatch must never reach the store.
        return checkVectors(vectors, { count: batch.length, who: `embedder ${embedder.id}:${embedder.model}`, dimension, dimensionSource: 'the store dimension' });
      },
      signal,
    );
  }
}
