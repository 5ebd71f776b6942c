import { z } from 'zod';

/** `[embedder.options]` for `provider = "hash"`. */
export const hashOptionsSchema = z.strictObject({
  ngram: z.number().int().min(0).max(8).default(3).describe('Character n-gram length added per word (0 turns n-grams off).'),
});

/** Validated hash options. */
export type HashOptions = z.infer<typeof hashOptionsSchema>;
