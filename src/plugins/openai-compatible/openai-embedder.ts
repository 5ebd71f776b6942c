import type { Embedder, EmbedderContext } from '../../plugin-api.js';
import { httpStatusOf, HttpEmbedderBase, PROBE_TEXT, type CallOptions } from '../../plugin-api.js';
import { apiRoot, type OpenAIOptions } from './openai-options.js';
import { vectorsFromResponse } from './openai-response.js';

/** Creates an embedder for any server speaking OpenAI's `POST /v1/embeddings`. */
export function createOpenAIEmbedder(ctx: EmbedderContext<OpenAIOptions>): Embedder {
  const { settings, options, log } = ctx;
  const model = settings.model;
  const base = settings.host?.trim() || options.base_url;
  const root = base ? apiRoot(base) : '';
  const apiKey = ctx.env[options.api_key_env]?.trim() || undefined;
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const keyState = apiKey ? `the key in ${options.api_key_env} was refused` : `${options.api_key_env} is not set`;
  const http = new HttpEmbedderBase({
    id: 'openai-compatible',
    settings,
    log,
    target: root,
    retry: { baseDelayMs: options.retry_base_ms, maxDelayMs: options.retry_max_ms },
    hints: {
      unreachable: 'is the embedding server running? check [embedder] host or options.base_url',
      notFound: `check [embedder] model "${model}" and the host/base_url`,
      refused: `${keyState}; set ${options.api_key_env} to a valid API key (or options.api_key_env to the variable that holds it)`,
    },
    dimensionFix: (dimension) =>
      options.send_dimensions
        ? 'the server ignored `dimensions`; set [embedder] dimensions to what the model returns'
        : `set [embedder] dimensions = ${dimension}, or options.send_dimensions = true if the model can shorten its vectors`,
    configProblem: root
      ? undefined
      : 'openai-compatible embedder: no server URL; set [embedder] host or [embedder.options] base_url (for example http://127.0.0.1:8000/v1)',
  });

  async function embed(texts: string[], signal: AbortSignal, callOptions: CallOptions): Promise<number[][]> {
    const body: Record<string, unknown> = { model, input: texts };
    if (options.send_dimensions) body.dimensions = settings.dimensions;
    const response = await http.json('embed', `${root}/embeddings`, { method: 'POST', headers, body }, signal, callOptions);
    return vectorsFromResponse(response, texts.length, `${root}/embeddings`);
  }

  return http.embedder(
    { id: 'openai-compatible', model },
    {
      async check(signal) {
        const listed = await http.json('models', `${root}/models`, { method: 'GET', headers }, signal, { preflight: true }).catch((error: unknown) => {
          // Some servers (text-embeddings-inference, proxies) have no model list: embedding decides.
          if ([404, 405, 501].includes(httpStatusOf(error) ?? 0)) return undefined;
          throw error;
        });
        const ids = modelIds(listed);
        if (ids && ids.length > 0 && !ids.includes(model)) {
          return [{ message: `model "${model}" is not served at ${root}; it serves: ${ids.slice(0, 10).join(', ')}. Fix [embedder] model` }];
        }
        if (!ids) await embed([PROBE_TEXT], signal, { preflight: true });
        return [];
      },
      embed,
    },
  );
}

/** Model ids from a `/v1/models` answer, or undefined when it has no usable list. */
function modelIds(listed: unknown): string[] | undefined {
  const data = (listed as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return undefined;
  return data.map((entry) => (entry as { id?: unknown }).id).filter((id): id is string => typeof id === 'string');
}
