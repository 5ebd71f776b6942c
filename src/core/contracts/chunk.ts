import { z } from 'zod';

/**
 * One embeddable piece of a document, as stored in the `chunks` table. `content` is exactly
 * the text that is embedded (context header, blank line, body) and `contentHash` is the
 * SHA-256 of it, so unchanged text never needs a new vector.
 */
export const ChunkSchema = z.object({
  /** Name of the source (from `sources.toml`) that owns the chunk. */
  sourceName: z.string().min(1),
  /** Key of the owning document inside the source. */
  docKey: z.string().min(1),
  /** Position of the chunk within its document, from 0. */
  ordinal: z.number().int().nonnegative(),
  /** The owning document's `source_url`. */
  sourceUrl: z.string().min(1),
  /** The owning document's title. */
  title: z.string(),
  /** Semantic document type (closed vocabulary once enriched). */
  docType: z.string(),
  /** Embedded text: context header, a blank line, then the chunk body. */
  content: z.string().min(1),
  /** Lowercase hex SHA-256 of `content` (UTF-8, trimmed). */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Breadcrumb line prepended to the body (also stored on its own). */
  contextHeader: z.string(),
  /** Generations inherited from the document. */
  generations: z.array(z.string()),
  /** Lifecycle flag inherited from the document. */
  deprecated: z.boolean(),
  /** Display label of the source. */
  sourceType: z.string(),
  /** Clickable URL for citations (may be empty). */
  displayUrl: z.string(),
  /** Token count of `content` under the chunker's tokenizer. */
  tokenCount: z.number().int().nonnegative(),
  /** Document metadata plus chunk facts (heading path, split kind). */
  metadata: z.record(z.string(), z.unknown()),
});

/** A chunk before it has a vector. */
export type Chunk = z.infer<typeof ChunkSchema>;

/** A chunk with its vector and the model that made it. */
export interface EmbeddedChunk extends Chunk {
  /** The vector, of the store's dimension. */
  embedding: number[];
  /** `provider:model` that produced the vector. */
  embeddingModel: string;
}
