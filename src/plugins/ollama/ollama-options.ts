import { z } from 'zod';

/** `[embedder.options]` for `provider = "ollama"`. */
export const ollamaOptionsSchema = z.strictObject({
  keep_alive: z.string().optional().describe('How long Ollama keeps the model loaded after a request (`5m`, `1h`, `-1`).'),
  truncate: z.boolean().optional().describe('Let Ollama cut inputs longer than the model\'s context instead of failing.'),
  retry_base_ms: z.number().int().min(0).default(500).describe('Delay before the first retry in milliseconds; doubles per attempt, with jitter.'),
  retry_max_ms: z.number().int().min(0).default(30_000).describe('Cap on any one retry delay in milliseconds.'),
});

/** Validated ollama options. */
export type OllamaOptions = z.infer<typeof ollamaOptionsSchema>;
