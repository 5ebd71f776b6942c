import createDebug from 'debug';
import { Ollama } from 'ollama';
import type { EmbedCallOptions, Embedder, EmbedderContext } from '../../core/contracts/embedder.js';
import type { ValidationIssue } from '../../core/contracts/parser.js';
import { parseRetryAfter, withRetry } from '../../core/net/retry.js';
import { classifyOllamaError, describeOllamaError, isModelMissing, TransientHttpError } from './ollama-errors.js';
import { resolveOllamaHost } from './ollama-host.js';
import type { OllamaOptions } from './ollama-options.js';
import { errorMessage } from '../../core/errors/bbj-error.js';

/** Attempts and time a preflight call (validate, dimension probe) may take; ingestion uses the full retry budget. */
const PREFLIGHT_ATTEMPTS = 2;
const PREFLIGHT_BUDGET_MS = 5_000;

const debug = createDebug('bbj:embed:ollama');

/** Text embedded when the model metadata does not state the dimension. */
const PROBE_TEXT = 'dimension probe';

/** Creates an embedder that talks to an Ollama server through the official `ollama` client. */
export function createOllamaEmbedder(ctx: EmbedderContext<OllamaOptions>): Embedder {
  const { settings, options, log } = ctx;
  const host = resolveOllamaHost(settings.host, ctx.env);
  const model = settings.model;

  // The client has no timeout and no per-call signal, so each call gets a client whose fetch
  // carries both; a client is only a config object, so this costs nothing.
  const clientFor = (signal: AbortSignal) =>
    new Ollama({
      host,
      fetch: async (input, init) => {
        const signals = [signal, AbortSignal.timeout(settings.timeoutMs)];
        if (init?.signal) signals.push(init.signal);
        const response = await globalThis.fetch(input, { ...init, signal: AbortSignal.any(signals) });
        // The client's own error hides the headers; 429 and 5xx are thrown here with Retry-After kept.
        if (response.status === 429 || response.status >= 500) {
          const text = errorText((await response.text().catch(() => '')).trim());
          throw new TransientHttpError(response.status, text.slice(0, 300) || `${response.statusText}`, parseRetryAfter(response.headers.get('retry-after')));
        }
        return jsonErrors(response);
      },
    });

  /** Runs one client call with the retry policy and turns the final error into a clear one. */
  async function call<T>(what: string, signal: AbortSignal, fn: (client: Ollama) => Promise<T>, hooks?: EmbedCallOptions, preflight = false): Promise<T> {
    let attempts = 0;
    try {
      return await withRetry(
        (attempt) => {
          attempts = attempt;
          return fn(clientFor(signal));
        },
        {
          // Preflight checks answer quickly: an Ollama that is down is reported, not waited for.
          attempts: preflight ? Math.min(settings.maxAttempts, PREFLIGHT_ATTEMPTS) : settings.maxAttempts,
          budgetMs: preflight ? Math.min(settings.retryBudgetMs ?? PREFLIGHT_BUDGET_MS, PREFLIGHT_BUDGET_MS) : settings.retryBudgetMs,
          baseDelayMs: options.retry_base_ms,
          maxDelayMs: options.retry_max_ms,
          classify: classifyOllamaError,
          signal,
          onRetry: (error, attempt, delayMs) => {
            const reason = errorMessage(error);
            debug('%s attempt %d failed (%s); retrying in %d ms', what, attempt, reason, Math.round(delayMs));
            log.debug(`ollama ${what}: attempt ${attempt} failed (${reason}); retrying in ${Math.round(delayMs)} ms`);
            hooks?.onRetry?.(error, attempt, delayMs);
          },
        },
      );
    } catch (error) {
      // A cancelled run is not an embedder failure: let the caller see its own abort reason.
      if (signal.aborted) throw signal.reason;
      throw describeOllamaError(error, host, model, attempts, settings.timeoutMs);
    }
  }

  /** One vector per text, all of one dimension, equal to the configured one when that is set. */
  function checkVectors(vectors: unknown, expectedCount: number): number[][] {
    if (!Array.isArray(vectors) || vectors.length !== expectedCount) {
      const got = Array.isArray(vectors) ? vectors.length : 'no';
      throw new Error(`ollama at ${host} returned ${got} vectors for ${expectedCount} texts (model "${model}")`);
    }
    const dimension = (vectors[0] as unknown[] | undefined)?.length ?? 0;
    for (const [i, vector] of (vectors as unknown[]).entries()) {
      if (!Array.isArray(vector) || vector.length !== dimension || vector.length === 0 || typeof vector[0] !== 'number') {
        throw new Error(`ollama at ${host} returned a malformed vector at position ${i} (model "${model}")`);
      }
    }
    if (settings.dimensions > 0 && dimension !== settings.dimensions) {
      throw new Error(
        `model "${model}" on ollama at ${host} returns ${dimension}-dimensional vectors but [embedder] dimensions is ${settings.dimensions}: set dimensions = ${dimension} or use another model`,
      );
    }
    return vectors as number[][];
  }

  return {
    id: 'ollama',
    model,

    async validate(signal: AbortSignal): Promise<ValidationIssue[]> {
      try {
        await call('show', signal, (client) => client.show({ model }), undefined, true);
        return [];
      } catch (error) {
        if (signal.aborted) throw error;
        return [{ message: errorMessage(error) }];
      }
    },

    async probeDimension(signal: AbortSignal): Promise<number> {
      const info = await call('show', signal, (client) => client.show({ model }), undefined, true).then(
        (shown) => shown.model_info as unknown,
        (error: unknown) => {
          // Only a missing model is final here; anything else (an old server without
          // `model_info`, a proxy in between) still gets the probe embedding below.
          if (error instanceof Error && isModelMissing(error.cause)) throw error;
          debug('show failed, probing by embedding: %s', errorMessage(error));
          return undefined;
        },
      );
      const fromInfo = dimensionFromModelInfo(info);
      if (fromInfo !== undefined) return fromInfo;
      const response = await call('embed', signal, (client) => client.embed({ model, input: [PROBE_TEXT] }), undefined, true);
      const vector = response.embeddings?.[0];
      if (!Array.isArray(vector) || vector.length === 0) {
        throw new Error(`ollama at ${host} returned no vector for a probe text (model "${model}")`);
      }
      return vector.length;
    },

    async embed(texts: string[], signal: AbortSignal, hooks?: EmbedCallOptions): Promise<number[][]> {
      if (texts.length === 0) return [];
      const response = await call(
        'embed',
        signal,
        (client) => client.embed({ model, input: texts, keep_alive: options.keep_alive, truncate: options.truncate }),
        hooks,
      );
      return checkVectors(response.embeddings, texts.length);
    },
  };
}

/** Reads `<architecture>.embedding_length` from `/api/show`'s `model_info` (a plain object on the wire). */
export function dimensionFromModelInfo(info: unknown): number | undefined {
  if (!info || typeof info !== 'object') return undefined;
  const entries = info instanceof Map ? Object.fromEntries(info) : (info as Record<string, unknown>);
  const arch = entries['general.architecture'];
  const exact = typeof arch === 'string' ? entries[`${arch}.embedding_length`] : undefined;
  const value = exact ?? Object.entries(entries).find(([key]) => key.endsWith('.embedding_length'))?.[1];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** The `error` of a JSON error body, else the body itself. */
function errorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    return typeof parsed?.error === 'string' ? parsed.error : body;
  } catch {
    return body;
  }
}

/**
 * The client `console.log`s while reading a non-JSON error body (a proxy's HTML 502), which
 * would corrupt `--json` output; handing it a JSON error body keeps it quiet and keeps the text.
 */
async function jsonErrors(response: Response): Promise<Response> {
  if (response.ok || response.headers.get('content-type')?.includes('application/json')) return response;
  const text = (await response.text().catch(() => '')).trim().slice(0, 300);
  return new Response(JSON.stringify({ error: text || `HTTP ${response.status} ${response.statusText}` }), {
    status: response.status,
    statusText: response.statusText,
    headers: { 'content-type': 'application/json' },
  });
}
