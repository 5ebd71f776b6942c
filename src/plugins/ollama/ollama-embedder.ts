import createDebug from 'debug';
import { Ollama } from 'ollama';
import type { Embedder, EmbedderContext } from '../../plugin-api.js';
import { fetchOk, httpStatusOf, HttpEmbedderBase } from '../../plugin-api.js';
import { errorMessage } from '../../plugin-api.js';
import { resolveOllamaHost } from './ollama-host.js';
import type { OllamaOptions } from './ollama-options.js';

const debug = createDebug('bbj:embed:ollama');

/** Creates an embedder that talks to an Ollama server through the official `ollama` client. */
export function createOllamaEmbedder(ctx: EmbedderContext<OllamaOptions>): Embedder {
  const { settings, options, log } = ctx;
  const host = resolveOllamaHost(settings.host, ctx.env);
  const model = settings.model;
  const http = new HttpEmbedderBase({
    id: 'ollama',
    settings,
    log,
    target: `ollama at ${host}`,
    retry: { baseDelayMs: options.retry_base_ms, maxDelayMs: options.retry_max_ms },
    hints: {
      unreachable: 'is `ollama serve` running? set OLLAMA_HOST or [embedder] host to where it listens',
      notFound: `run \`ollama pull ${model}\` (or fix [embedder] model)`,
      slow: 'the model may still be loading; raise [embedder] timeout_ms or check the server',
      tooLong: 'set [embedder.options] truncate = true',
    },
    dimensionFix: (dimension) => `set dimensions = ${dimension} or use another model`,
  });

  // The client has no timeout and no per-call signal, so each attempt gets a client whose fetch
  // carries the attempt's signal (a client is only a config object). Non-2xx answers are thrown
  // there: the client's own error drops `Retry-After` and console.logs a non-JSON body.
  const client = (attemptSignal: AbortSignal) =>
    new Ollama({
      host,
      fetch: (input, init) => fetchOk(input, { ...init, signal: init?.signal ? AbortSignal.any([attemptSignal, init.signal]) : attemptSignal }),
    });
  const show = (signal: AbortSignal) => http.call('show', signal, (s) => client(s).show({ model }), { preflight: true });
  // The preflight asks check() then dimensionFromMetadata() one after the other: the second
  // reuses the answer the first just got (once) instead of asking /api/show again.
  let lastCheck: ReturnType<typeof show> | undefined;

  return http.embedder(
    { id: 'ollama', model },
    {
      async check(signal) {
        lastCheck = show(signal);
        await lastCheck;
        return [];
      },
      async dimensionFromMetadata(signal) {
        const answer = lastCheck ?? show(signal);
        lastCheck = undefined;
        const info = await answer.then(
          (shown) => shown.model_info as unknown,
          (error: unknown) => {
            // Only a missing model is final here; anything else (an old server without
            // `model_info`, a proxy in between) still gets the probe embedding.
            if (isModelMissing(error)) throw error;
            debug('show failed, probing by embedding: %s', errorMessage(error));
            return undefined;
          },
        );
        return dimensionFromModelInfo(info);
      },
      async embed(texts, signal, callOptions) {
        const input = { model, input: texts, keep_alive: options.keep_alive, truncate: options.truncate };
        return (await http.call('embed', signal, (s) => client(s).embed(input), callOptions)).embeddings;
      },
    },
  );
}

/** True for Ollama's 404 meaning the model has not been pulled (not a proxy's unknown path). */
function isModelMissing(error: unknown): boolean {
  return httpStatusOf(error) === 404 && error instanceof Error && /not found/i.test(errorMessage(error.cause));
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
