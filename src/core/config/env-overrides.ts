import { BbjError } from '../errors/bbj-error.js';

type Env = Record<string, string | undefined>;

/** Environment variables the config understands, with the key each overrides. Documented in the README. */
export const ENV_OVERRIDES = {
  BBJ_RAG_DATABASE_URL: 'database.url',
  DATABASE_URL: 'database.url',
  BBJ_RAG_DB_PATH: 'database.path',
  BBJ_RAG_EMBEDDER_PROVIDER: 'embedder.provider',
  BBJ_RAG_EMBEDDER_MODEL: 'embedder.model',
  BBJ_RAG_EMBEDDER_DIMENSIONS: 'embedder.dimensions',
  BBJ_RAG_EMBEDDER_BATCH_SIZE: 'embedder.batch_size',
  BBJ_RAG_EMBEDDER_CONCURRENCY: 'embedder.concurrency',
  BBJ_RAG_EMBEDDER_HOST: 'embedder.host',
  BBJ_RAG_CHUNK_MAX_TOKENS: 'chunking.max_tokens',
  BBJ_RAG_CHUNK_OVERLAP: 'chunking.overlap',
} as const;

const NUMERIC = new Set(['embedder.dimensions', 'embedder.batch_size', 'embedder.concurrency', 'chunking.max_tokens', 'chunking.overlap']);

/**
 * Applies environment overrides to the raw TOML object before validation, so the schema
 * checks them too. `BBJ_RAG_*` wins over the generic `DATABASE_URL`; `OLLAMA_HOST` sets the
 * host only for the Ollama provider, because other providers have other hosts.
 */
export function applyEnvOverrides(raw: Record<string, unknown>, env: Env): Record<string, unknown> {
  const result: Record<string, unknown> = { ...raw };
  const section = (name: string): Record<string, unknown> => {
    const current = result[name];
    const copy = current && typeof current === 'object' && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
    result[name] = copy;
    return copy;
  };
  // Generic names first so the specific BBJ_RAG_* names override them.
  const ordered = Object.entries(ENV_OVERRIDES).sort(([a], [b]) => Number(a.startsWith('BBJ_RAG_')) - Number(b.startsWith('BBJ_RAG_')));
  for (const [variable, key] of ordered) {
    const value = env[variable]?.trim();
    if (!value) continue;
    const [table, field] = key.split('.') as [string, string];
    section(table)[field] = NUMERIC.has(key) ? parseNumber(variable, value) : value;
  }
  const embedder = section('embedder');
  const provider = (embedder.provider as string | undefined) ?? 'ollama';
  if (provider === 'ollama' && env.OLLAMA_HOST?.trim() && !env.BBJ_RAG_EMBEDDER_HOST?.trim()) {
    embedder.host = env.OLLAMA_HOST.trim();
  }
  return result;
}

function parseNumber(variable: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number)) {
    throw new BbjError(`Environment variable ${variable}="${value}" is not a whole number.`, 'CONFIG_ENV', `Set ${variable} to an integer or unset it.`);
  }
  return number;
}
