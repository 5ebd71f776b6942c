import type { Embedder } from '../contracts/embedder.js';

/**
 * The embedder shared by every source of a run: at most `concurrency` requests in flight in
 * total, whatever the number of sources running at once. Waiting requests are served first
 * come, first served, so sources running side by side share the slots fairly.
 */
export function sharedEmbedder(embedder: Embedder, concurrency: number): Embedder & { readonly maxInFlight: number } {
  const slots = Math.max(1, concurrency);
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const acquire = async (signal: AbortSignal) => {
    if (inFlight >= slots) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          signal.removeEventListener('abort', abort);
          resolve();
        };
        const abort = () => {
          const at = waiting.indexOf(wake);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal.reason);
        };
        signal.throwIfAborted();
        signal.addEventListener('abort', abort, { once: true });
        waiting.push(wake);
      });
    } else {
      inFlight++;
    }
    maxInFlight = Math.max(maxInFlight, inFlight);
  };
  // A finished request hands its slot straight to the next waiter (inFlight stays the same).
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };
  return {
    id: embedder.id,
    model: embedder.model,
    validate: (signal) => embedder.validate(signal),
    probeDimension: (signal) => embedder.probeDimension(signal),
    embed: async (texts, signal) => {
      await acquire(signal);
      try {
        return await embedder.embed(texts, signal);
      } finally {
        release();
      }
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}
