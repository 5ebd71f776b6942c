import createDebug from 'debug';
import type { EmbedCallOptions, Embedder, EmbedderContext } from '../../core/contracts/embedder.js';
import type { ValidationIssue } from '../../core/contracts/parser.js';
import { withRetry } from '../../core/net/retry.js';
import { classifyOpenAIError, describeOpenAIError, httpErrorFrom, OpenAIHttpError } from './openai-errors.js';
import { apiRoot, type OpenAIOptions } from './openai-options.js';
import { vectorsFromResponse } from './openai-response.js';
import { errorMessage } from '../../core/errors/bbj-error.js';

const debug = createDebug('bbj:embed:openai');

/** Text embedded to learn the dimension or to check that embedding works. */
const PROBE_TEXT = 'dimension probe';

/** Creates an embedder for any server speaking OpenAI's `POST /v1/embeddings`. */
export function createOpenAIEmbedder(ctx: EmbedderContext<OpenAIOptions>): Embedder {
  const { settings, options, log } = ctx;
  const model = settings.model;
  const base = settings.host?.trim() || options.base_url;
  const root = base ? apiRoot(base) : undefined;
  const apiKey = ctx.env[options.api_key_env]?.trim() || undefined;
  const noHost = 'openai-compatible embedder: no server URL; set [embedder] host or [embedder.options] base_url (for example http://127.0.0.1:8000/v1)';

  /** One request with timeout and retries; the final error is rewritten into a clear one. */
  async function request(method: 'GET' | 'POST', path: string, body: unknown, signal: AbortSignal, hooks?: EmbedCallOptions): Promise<unknown> {
    if (!root) throw new Error(noHost);
    const url = `${root}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    let attempts = 0;
    try {
      return await withRetry(
        async (attempt) => {
          attempts = attempt;
          const response = await fetch(url, {
            method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]),
          });
          if (!response.ok) throw await httpErrorFrom(response);
          return (await response.json()) as unknown;
        },
        {
          attempts: settings.maxAttempts,
          budgetMs: settings.retryBudgetMs,
          baseDelayMs: options.retry_base_ms,
          maxDelayMs: options.retry_max_ms,
          classify: classifyOpenAIError,
          signal,
          onRetry: (error, attempt, delayMs) => {
            const reason = errorMessage(error);
            debug('%s %s attempt %d failed (%s); retrying in %d ms', method, url, attempt, reason, Math.round(delayMs));
            log.debug(`${url}: attempt ${attempt} failed (${reason}); retrying in ${Math.round(delayMs)} ms`);
            hooks?.onRetry?.(error, attempt, delayMs);
          },
        },
      );
    } catch (error) {
      // A cancelled run is not an embedder failure: let the caller see its own abort reason.
      if (signal.aborted) throw signal.reason;
      throw describeOpenAIError(error, {
        url, model, keyEnv: options.api_key_env, keySet: apiKey !== undefined, attempts, timeoutMs: settings.timeoutMs,
      });
    }
  }

  async function embedChecked(texts: string[], signal: AbortSignal, checkDimension: boolean, hooks?: EmbedCallOptions): Promise<number[][]> {
    const body: Record<string, unknown> = { model, input: texts };
    if (options.send_dimensions) body.dimensions = settings.dimensions;
    const response = await request('POST', '/embeddings', body, signal, hooks);
    const vectors = vectorsFromResponse(response, texts.length, `${root}/embeddings`);
    const dimension = vectors[0]?.length ?? 0;
    if (checkDimension && settings.dimensions > 0 && dimension !== settings.dimensions) {
      const fix = options.send_dimensions
        ? 'the server ignored `dimensions`; set [embedder] dimensions to what the model returns'
        : `set [embedder] dimensions = ${dimension}, or options.send_dimensions = true if the model can shorten its vectors`;
      throw new Error(`model "${model}" at ${root} returns ${dimension}-dimensional vectors but [embedder] dimensions is ${settings.dimensions}: ${fix}`);
    }
    return vectors;
  }

  return {
    id: 'openai-compatible',
    model,

    async validate(signal: AbortSignal): Promise<ValidationIssue[]> {
      if (!root) return [{ message: noHost }];
      try {
        const listed = await request('GET', '/models', undefined, signal).catch((error: unknown) => {
          // Some servers (text-embeddings-inference, proxies) have no model list: embedding decides.
          if (error instanceof Error && error.cause instanceof OpenAIHttpError && [404, 405, 501].includes(error.cause.status)) return undefined;
          throw error;
        });
        const ids = modelIds(listed);
        if (ids && ids.length > 0 && !ids.includes(model)) {
          return [{ message: `model "${model}" is not served at ${root}; it serves: ${ids.slice(0, 10).join(', ')}. Fix [embedder] model` }];
        }
        if (!ids) await embedChecked([PROBE_TEXT], signal, false);
        return [];
      } catch (error) {
        if (signal.aborted) throw error;
        return [{ message: errorMessage(error) }];
      }
    },

    async probeDimension(signal: AbortSignal): Promise<number> {
      const [vector] = await embedChecked([PROBE_TEXT], signal, false);
      return vector.length;
    },

    async embed(texts: string[], signal: AbortSignal, hooks?: EmbedCallOptions): Promise<number[][]> {
      if (texts.length === 0) return [];
      return embedChecked(texts, signal, true, hooks);
    },
  };
}

/** Model ids from a `/v1/models` answer, or undefined when it has no usable list. */
function modelIds(listed: unknown): string[] | undefined {
  const data = (listed as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return undefined;
  return data.map((entry) => (entry as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
}
