import { z } from 'zod';

/** `[embedder.options]` for `provider = "openai-compatible"`. */
export const openAIOptionsSchema = z.strictObject({
  base_url: z.url().optional().describe('Server base URL when `[embedder] host` is not set (`https://api.openai.com`, `http://127.0.0.1:8000/v1`).'),
  api_key_env: z.string().min(1).default('OPENAI_API_KEY').describe('Name of the environment variable holding the API key (sent as a Bearer token when set).'),
  send_dimensions: z.boolean().default(false).describe('Send `dimensions` in each request (only for models that can shorten vectors, such as text-embedding-3-*).'),
  retry_base_ms: z.number().int().min(0).default(500).describe('Delay before the first retry in milliseconds; doubles per attempt, with jitter.'),
  retry_max_ms: z.number().int().min(0).default(60_000).describe('Cap on any one retry delay in milliseconds, `Retry-After` included.'),
});

/** Validated openai-compatible options. */
export type OpenAIOptions = z.infer<typeof openAIOptionsSchema>;

/**
 * The API root (`.../v1`) from a base URL that may or may not end in `/v1`, so both
 * `http://127.0.0.1:8000` and `https://api.openai.com/v1` work.
 */
export function apiRoot(base: string): string {
  const trimmed = base.trim().replace(/\/+$/, '');
  return /\/v1$/i.test(trimmed) ? trimmed : `${trimmed}/v1`;
}
