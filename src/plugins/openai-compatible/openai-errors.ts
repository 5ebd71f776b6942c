import { parseRetryAfter, type RetryDecision } from '../../core/net/retry.js';
import { errorMessage } from '../../core/errors/bbj-error.js';

/** A non-2xx answer from the server. */
export class OpenAIHttpError extends Error {
  /** HTTP status. */
  readonly status: number;
  /** Server-requested wait from `retry-after-ms` or `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(status: number, message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'OpenAIHttpError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Builds the error for a failed response, reading the server's own message when it sent one. */
export async function httpErrorFrom(response: Response): Promise<OpenAIHttpError> {
  const text = await response.text().catch(() => '');
  let message = text.slice(0, 300) || response.statusText;
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    const candidate = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message ?? body.detail);
    if (typeof candidate === 'string' && candidate) message = candidate;
  } catch {
    // Not JSON (a proxy's HTML page): the raw text start is the best message there is.
  }
  const retryMs = Number(response.headers.get('retry-after-ms'));
  const retryAfterMs = Number.isFinite(retryMs) && retryMs > 0 ? retryMs : parseRetryAfter(response.headers.get('retry-after'));
  return new OpenAIHttpError(response.status, message, retryAfterMs);
}

/** True when fetch failed before any answer (refused, reset, DNS). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && error.message === 'fetch failed';
}

/** Retry policy: 429 (honouring `Retry-After`), 5xx, network errors and timeouts. */
export function classifyOpenAIError(error: unknown): RetryDecision {
  if (error instanceof OpenAIHttpError) {
    if (error.status === 429 || error.status >= 500) return { retry: true, afterMs: error.retryAfterMs };
    return { retry: false };
  }
  if (isNetworkError(error) || (error instanceof Error && error.name === 'TimeoutError')) return { retry: true };
  return { retry: false };
}

/** What the embedder knows when it explains a failure. */
export interface FailureContext {
  url: string;
  model: string;
  keyEnv: string;
  keySet: boolean;
  attempts: number;
  timeoutMs: number;
}

/** Rewrites a failure into a message that says what happened and what to do. */
export function describeOpenAIError(error: unknown, c: FailureContext): Error {
  const tries = c.attempts > 1 ? ` after ${c.attempts} attempts` : '';
  let message: string;
  if (error instanceof OpenAIHttpError && (error.status === 401 || error.status === 403)) {
    const key = c.keySet ? `the key in ${c.keyEnv} was refused` : `${c.keyEnv} is not set`;
    message = `${c.url} answered HTTP ${error.status} (${error.message}): ${key}; set ${c.keyEnv} to a valid API key (or options.api_key_env to the variable that holds it)`;
  } else if (error instanceof OpenAIHttpError && error.status === 404) {
    message = `${c.url} answered HTTP 404 (${error.message}): check [embedder] model "${c.model}" and the host/base_url`;
  } else if (error instanceof OpenAIHttpError && error.status === 429) {
    message = `${c.url} kept rate-limiting${tries} (${error.message}): lower [embedder] concurrency or batch_size, or raise max_attempts`;
  } else if (error instanceof OpenAIHttpError) {
    message = `${c.url} answered HTTP ${error.status}${tries}: ${error.message}`;
  } else if (error instanceof Error && error.name === 'TimeoutError') {
    message = `${c.url} did not answer within ${c.timeoutMs} ms${tries}: raise [embedder] timeout_ms or check the server`;
  } else if (isNetworkError(error)) {
    const code = (error as TypeError & { cause?: { code?: string } }).cause?.code ?? 'fetch failed';
    message = `cannot reach ${c.url} (${code})${tries}: is the embedding server running? check [embedder] host or options.base_url`;
  } else {
    message = `${c.url} failed${tries}: ${errorMessage(error)}`;
  }
  return new Error(message, { cause: error });
}
