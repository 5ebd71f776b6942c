import { z } from 'zod';

/** `[embedder.options]` for `provider = "hash"`. */
export const hashOptionsSchema = z.strictObject({
  /** Character n-gram length added per word (0 turns n-grams off). */
  ngram: z.number().int().min(0).max(8).default(3),
});

/** Validated hash options. */
export type HashOptions = z.infer<typeof hashOptionsSchema>;
