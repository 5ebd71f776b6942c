import { errorMessage } from '../errors/bbj-error.js';
import { parseRetryAfter, type RetryDecision } from '../net/retry.js';

/** A non-2xx answer from an embedding server, with the server's own message. */
export class HttpStatusError extends Error {
  override readonly name = 'HttpStatusError';
  constructor(
    /** HTTP status. */
    readonly status: number,
    /** The server's message (JSON `error`/`message`/`detail`, else the start of the body). */
    detail: string,
    /** Server-requested wait from `retry-after-ms` or `Retry-After`, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(detail);
  }
}

/** Builds the error for a failed response, reading the server's message when it sent one. */
export async function httpErrorFrom(response: Response): Promise<HttpStatusError> {
  const text = (await response.text().catch(() => '')).trim();
  let message = text.slice(0, 300) || `${response.status} ${response.statusText}`.trim();
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const candidate = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message ?? body.detail);
    if (typeof candidate === 'string' && candidate) message = candidate;
  } catch {
    // Not JSON (a proxy's HTML page): the start of the text is the best message there is.
  }
  const retryMs = Number(response.headers.get('retry-after-ms'));
  const retryAfterMs = Number.isFinite(retryMs) && retryMs > 0 ? retryMs : parseRetryAfter(response.headers.get('retry-after'));
  return new HttpStatusError(response.status, message, retryAfterMs);
}

/** `fetch` that throws `HttpStatusError` for a non-2xx answer (for clients that bring their own fetch hook). */
export async function fetchOk(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await globalThis.fetch(input, init);
  if (!response.ok) throw await httpErrorFrom(response);
  return response;
}

/** The status of an `HttpStatusError`, itself or as the cause of a described failure. */
export function httpStatusOf(error: unknown): number | undefined {
  const found = error instanceof HttpStatusError ? error : error instanceof Error && error.cause instanceof HttpStatusError ? error.cause : undefined;
  return found?.status;
}

/** True when the per-attempt timeout fired (`AbortSignal.timeout`). */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/**
 * The low-level code of a connection that failed before or while answering (`ECONNREFUSED`,
 * `ECONNRESET`, `UND_ERR_SOCKET`), or undefined when the error is not a network failure.
 */
export function networkErrorCode(error: unknown): string | undefined {
  if (!(error instanceof TypeError)) return undefined;
  let cause: unknown = error.cause;
  // undici sometimes nests the system error one level deeper (AggregateError for dual-stack hosts).
  for (let depth = 0; depth < 3 && cause && typeof cause === 'object'; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown; errors?: unknown[] }).cause ?? (cause as { errors?: unknown[] }).errors?.[0];
  }
  return error.message === 'fetch failed' ? 'FETCH_FAILED' : undefined;
}

/** Retry policy of every HTTP embedder: network errors, timeouts, 429 (honouring `Retry-After`) and 5xx other than an over-long input. */
export function classifyHttpError(error: unknown): RetryDecision {
  if (error instanceof HttpStatusError) {
    // Some servers answer an over-long input with 500: retrying cannot make it shorter.
    if (isInputTooLong(error)) return { retry: false };
    return error.status === 429 || error.status >= 500 ? { retry: true, afterMs: error.retryAfterMs } : { retry: false };
  }
  if (isTimeout(error) || networkErrorCode(error) !== undefined) return { retry: true };
  return { retry: false };
}

/** Protocol-specific ways forward, appended to the shared failure messages. */
export interface FailureHints {
  /** After `cannot reach TARGET (CODE):` — how to get the server running or found. */
  unreachable: string;
  /** After a 404 — the model or the path is missing. */
  notFound: string;
  /** After a 401/403. Default: check the credentials or the proxy in between. */
  refused?: string;
  /** After a timeout. Default: raise `[embedder] timeout_ms` or check the server. */
  slow?: string;
  /** Extra way out of an input longer than the model's context (after "lower [chunking] max_tokens"). */
  tooLong?: string;
}

/** What a failure message names. */
export interface FailureContext {
  /** How the server is named (`ollama at http://...`, `http://.../v1/embeddings`). */
  target: string;
  /** Attempts made. */
  attempts: number;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: number;
  /** Protocol-specific fixes. */
  hints: FailureHints;
}

/** Messages of servers refusing an input longer than the model's context (Ollama, OpenAI, vLLM, TEI, llama.cpp). */
const TOO_LONG = /context length|maximum context|too long|too many tokens|exceeds the|less than \d+ tokens|input length/i;

/** True for an answer saying an input is longer than the model accepts. */
export function isInputTooLong(error: unknown): boolean {
  if (!(error instanceof HttpStatusError)) return false;
  return error.status === 413 || ([400, 422, 500].includes(error.status) && TOO_LONG.test(error.message));
}

/** Rewrites the final error of an HTTP embedder call into one message that says what happened and what to do. */
export function describeHttpError(error: unknown, c: FailureContext): Error {
  const tries = c.attempts > 1 ? ` after ${c.attempts} attempts` : '';
  const code = networkErrorCode(error);
  let message: string;
  if (error instanceof HttpStatusError) {
    const answered = `${c.target} answered HTTP ${error.status}`;
    if (isInputTooLong(error)) {
      const extra = c.hints.tooLong ? `, or ${c.hints.tooLong}` : '';
      message = `${answered} (${error.message}): an input is longer than the model's context; lower [chunking] max_tokens${extra}`;
    } else if (error.status === 401 || error.status === 403) {
      message = `${answered} (${error.message}): ${c.hints.refused ?? 'the server refused the request; check its credentials or the proxy in between'}`;
    } else if (error.status === 404) {
      message = `${answered} (${error.message}): ${c.hints.notFound}`;
    } else if (error.status === 429) {
      message = `${c.target} kept rate-limiting${tries} (${error.message}): lower [embedder] concurrency or batch_size, or raise [embedder] retry_budget_s`;
    } else {
      message = `${answered}${tries}: ${error.message}`;
    }
  } else if (isTimeout(error)) {
    message = `${c.target} did not answer within ${c.timeoutMs} ms${tries}: ${c.hints.slow ?? 'raise [embedder] timeout_ms or check the server'}`;
  } else if (code !== undefined) {
    message = `cannot reach ${c.target} (${code})${tries}: ${c.hints.unreachable}`;
  } else {
    message = `${c.target} failed${tries}: ${errorMessage(error)}`;
  }
  return new Error(message, { cause: error });
}
