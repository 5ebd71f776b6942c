/**
 * Runs tasks with at most `limit` in flight and yields their results. Tasks come from
 * `next()`, asked again whenever a slot is free, so a task may add work that `next()` returns
 * later (a crawl frontier). Ends when `next()` has nothing and no task runs. With `ordered`,
 * results come in the order the tasks were started (a finished task keeps its slot until it
 * is yielded, so memory stays bounded); else as they finish. The host's per-host gate still
 * spaces the requests: this only keeps enough of them waiting.
 */
export async function* inParallel<R>(
  next: () => (() => Promise<R>) | undefined,
  limit: number,
  signal?: AbortSignal,
  ordered = false,
): AsyncGenerator<R> {
  const running = new Map<number, Promise<{ id: number; result: R }>>();
  const finished = new Map<number, R>();
  let started = 0;
  let yielded = 0;
  try {
    for (;;) {
      while (running.size + finished.size < Math.max(1, limit) && !signal?.aborted) {
        const task = next();
        if (!task) break;
        const id = started++;
        running.set(id, task().then((result) => ({ id, result })));
      }
      if (ordered && finished.has(yielded)) {
        const result = finished.get(yielded) as R;
        finished.delete(yielded++);
        yield result;
        continue;
      }
      if (running.size === 0) return;
      const { id, result } = await Promise.race(running.values());
      running.delete(id);
      if (!ordered) {
        yielded++;
        yield result;
      } else finished.set(id, result);
    }
  } finally {
    // Tasks still running when the consumer stops (or one failed) must not surface as unhandled rejections.
    for (const task of running.values()) task.catch(() => undefined);
  }
}
