/**
 * The embedder's request slots, shared by every source of a run: never more than
 * `concurrency` requests in flight in total, and when several sources wait, slots go to them
 * in turn (round robin by owner), so a source with a deep queue cannot starve the others.
 */
export interface EmbedBudget {
  /** Slots in all. */
  readonly concurrency: number;
  /** Requests in flight now. */
  readonly inFlight: number;
  /** Runs `fn` in a slot held for `owner` (a source name); waits for a slot first. Aborting `signal` stops the wait. */
  run<T>(owner: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface Waiter {
  grant(): void;
  cancel(reason: unknown): void;
}

/** Creates a budget of `concurrency` slots (at least 1). */
export function createEmbedBudget(concurrency: number): EmbedBudget {
  const slots = Math.max(1, Math.floor(concurrency));
  let inFlight = 0;
  // Owners waiting for a slot, in the order they are served; each with its own line.
  const lines = new Map<string, Waiter[]>();

  const next = () => {
    while (inFlight < slots && lines.size > 0) {
      // The first owner in Map order is served, then moves to the back: round robin.
      const [owner, line] = lines.entries().next().value as [string, Waiter[]];
      const waiter = line.shift()!;
      lines.delete(owner);
      if (line.length > 0) lines.set(owner, line);
      inFlight++;
      waiter.grant();
    }
  };

  const acquire = (owner: string, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    if (inFlight < slots && lines.size === 0) {
      inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const line = lines.get(owner);
        const index = line?.indexOf(waiter) ?? -1;
        if (line && index >= 0) {
          line.splice(index, 1);
          if (line.length === 0) lines.delete(owner);
        }
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        cancel: reject,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const line = lines.get(owner);
      if (line) line.push(waiter);
      else lines.set(owner, [waiter]);
    });
  };

  return {
    concurrency: slots,
    get inFlight() {
      return inFlight;
    },
    async run<T>(owner: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      await acquire(owner, signal);
      try {
        return await fn();
      } finally {
        inFlight--;
        next();
      }
    },
  };
}
