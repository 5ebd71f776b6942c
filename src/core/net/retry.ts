/** How one failed attempt should be treated. */
export type RetryDecision =
  /** Give up and rethrow. */
  | { retry: false }
  /** Try again, after at least `afterMs` when the server said so (`Retry-After`). */
  | { retry: true; afterMs?: number };

/** Retry policy for `withRetry`. */
export interface RetryOptions {
  /** Total attempts, at least 1 (1 means no retry). */
  attempts: number;
  /**
   * Time budget in milliseconds from the first attempt: no retry starts (and no wait is begun)
   * that would end after it. Transient outages are outlasted by time, not by a small count.
   */
  budgetMs?: number;
  /** Delay before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Cap on any one delay (also caps `Retry-After`). */
  maxDelayMs: number;
  /** Classifies an error; errors it does not mark retryable are rethrown at once. */
  classify(error: unknown): RetryDecision;
  /** Called before each wait, for logs and progress. */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
  /** Cancels waiting and further attempts. */
  signal?: AbortSignal;
}

/**
 * Runs `fn` until it succeeds, a non-retryable error occurs or the attempts are used up.
 * Exponential backoff with full jitter spreads retries of concurrent callers; a server's
 * `Retry-After` is honoured as a lower bound.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts));
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const decision = options.classify(error);
      if (!decision.retry || attempt >= attempts || options.signal?.aborted) throw error;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(attempt - 1, 30));
      const jittered = backoff / 2 + Math.random() * (backoff / 2);
      const delay = Math.min(options.maxDelayMs, Math.max(jittered, decision.afterMs ?? 0));
      if (options.budgetMs !== undefined && Date.now() - started + delay > options.budgetMs) throw error;
      options.onRetry?.(error, attempt, delay);
      await sleep(delay, options.signal);
    }
  }
}

/** Parses a `Retry-After` header (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits `ms`, rejecting early with the signal's reason when aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
