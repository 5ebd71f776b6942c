/** How a parse is timed. */
export interface ParseDeadline {
  /** `parse_timeout_s` in milliseconds. */
  timeoutMs: number;
  /** The parser's last status message (often the file it reads), to help name a stalled document. */
  current(): string | undefined;
  /** A document took longer than the limit to come out: it is skipped and named. */
  onSlow(item: string, ms: number): void;
  /** The parser did not answer within the limit: the source stops here (its enumeration is incomplete). */
  onStalled(item: string, ms: number): void;
}

/** How a raw document is named in skips and messages: its `sourceUrl`, else its key. */
export function labelOf(doc: unknown): string {
  const d = doc as { sourceUrl?: unknown; key?: unknown } | null;
  return typeof d?.sourceUrl === 'string' ? d.sourceUrl : typeof d?.key === 'string' ? d.key : '(document without key)';
}

/**
 * Applies the per-document parse time limit to a parser's documents. What a time limit can do
 * in one thread: a parser that waits (a read or a request that never answers) is left after
 * `timeoutMs` and the source ends there, marked incomplete so nothing is swept; a parser busy
 * in synchronous CPU work cannot be interrupted (no timer fires until it yields), so a document
 * that took longer is skipped afterwards and named. Inputs are kept linear and bounded by
 * `max_file_bytes` so that the second case does not happen in practice.
 */
export async function* withParseDeadline<T>(items: AsyncIterable<T>, deadline: ParseDeadline): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  let previous: string | undefined;
  for (;;) {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), deadline.timeoutMs);
    });
    const next = iterator.next();
    let result: IteratorResult<T> | 'expired';
    try {
      result = await Promise.race([next, expired]);
    } finally {
      clearTimeout(timer);
    }
    if (result === 'expired') {
      const status = deadline.current();
      const item = `${previous ? `the document after ${previous}` : 'the first document'}${status ? ` (parser status: ${status})` : ''}`;
      deadline.onStalled(item, deadline.timeoutMs);
      // The parser may still settle later; nobody waits for it, and its errors are not unhandled.
      next.catch(() => {});
      return;
    }
    if (result.done) return;
    const label = labelOf(result.value);
    const ms = performance.now() - started;
    previous = label;
    if (ms > deadline.timeoutMs) {
      deadline.onSlow(label, ms);
      continue;
    }
    yield result.value;
  }
}
