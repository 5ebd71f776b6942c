/**
 * Runs tasks with at most `limit` in flight and yields their results as they finish. Tasks
 * come from `next()`, asked again whenever a slot is free, so a task may add work that
 * `next()` returns later (a crawl frontier). Ends when `next()` has nothing and no task runs.
 * The host's per-host gate still spaces the requests: this only keeps enough of them waiting.
 */
export async function* inParallel<R>(next: () => (() => Promise<R>) | undefined, limit: number, signal?: AbortSignal): AsyncGenerator<R> {
  const running = new Map<number, Promise<{ id: number; result: R }>>();
  let ids = 0;
  try {
    for (;;) {
      while (running.size < Math.max(1, limit) && !signal?.aborted) {
        const task = next();
        if (!task) break;
        const id = ids++;
        running.set(id, task().then((result) => ({ id, result })));
      }
      if (running.size === 0) return;
      const { id, result } = await Promise.race(running.values());
      running.delete(id);
      yield result;
    }
  } finally {
    // Tasks still running when the consumer stops (or one failed) must not surface as unhandled rejections.
    for (const task of running.values()) task.catch(() => undefined);
  }
}
