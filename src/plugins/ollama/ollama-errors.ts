import type { RetryDecision } from '../../core/net/retry.js';
import { errorMessage } from '../../core/errors/bbj-error.js';

// The client's `ResponseError` class is not exported, so errors are recognised by shape.
interface ResponseErrorLike {
  name: 'ResponseError';
  status_code: number;
  message: string;
}

/** A 429 or 5xx answer, raised by our fetch wrapper so `Retry-After` survives (the client drops headers). */
export class TransientHttpError extends Error {
  override readonly name = 'TransientHttpError';
  constructor(
    readonly status: number,
    detail: string,
    /** `Retry-After` in milliseconds, when the server sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(detail);
  }
}

/** True for an HTTP error answer from the `ollama` client. */
export function isResponseError(error: unknown): error is ResponseErrorLike {
  return error instanceof Error && error.name === 'ResponseError' && typeof (error as { status_code?: unknown }).status_code === 'number';
}

/** True when the per-request timeout fired (`AbortSignal.timeout`). */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** The low-level code of a failed connection (`ECONNREFUSED`, `UND_ERR_SOCKET`), when fetch failed before any answer. */
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

/** True for a 404 that means the model has not been pulled. */
export function isModelMissing(error: unknown): boolean {
  return isResponseError(error) && error.status_code === 404 && /not found/i.test(error.message);
}

/** Retry policy: network errors, timeouts, 429 and 5xx are transient; other 4xx and aborts are not. */
export function classifyOllamaError(error: unknown): RetryDecision {
  if (error instanceof TransientHttpError) return { retry: true, afterMs: error.retryAfterMs };
  if (isTimeout(error) || networkErrorCode(error) !== undefined) return { retry: true };
  if (isResponseError(error) && error.status_code >= 500) return { retry: true };
  return { retry: false };
}

/** Rewrites a client error into a message that says what happened and what to do. */
export function describeOllamaError(error: unknown, host: string, model: string, attempts: number, timeoutMs: number): Error {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const code = networkErrorCode(error);
  let message: string;
  if (isModelMissing(error)) {
    message = `model "${model}" is not available on ollama at ${host}: run \`ollama pull ${model}\` (or fix [embedder] model)`;
  } else if (isTimeout(error)) {
    message = `ollama at ${host} did not answer within ${timeoutMs} ms${tries}: the model may still be loading; raise [embedder] timeout_ms or check the server`;
  } else if (code !== undefined) {
    message = `cannot reach ollama at ${host} (${code})${tries}: is \`ollama serve\` running? set OLLAMA_HOST or [embedder] host to where it listens`;
  } else if (error instanceof TransientHttpError) {
    message = `ollama at ${host} answered HTTP ${error.status}${tries}: ${error.message}`;
  } else if (isResponseError(error)) {
    message = `ollama at ${host} answered HTTP ${error.status_code}${tries}: ${error.message}`;
  } else {
    message = `ollama at ${host} failed${tries}: ${errorMessage(error)}`;
  }
  return new Error(message, { cause: error });
}
