import type { EmbeddedChunk } from '../contracts/chunk.js';
import { encodeCopyBinary } from './copy-binary.js';
import type { SqlTransaction } from './sql-client.js';

/** Columns written for every chunk, in COPY order. */
export const CHUNK_COLUMNS = [
  'source_url', 'title', 'doc_type', 'content', 'content_hash', 'context_header', 'generations', 'deprecated', 'source_type',
  'display_url', 'embedding', 'metadata', 'source_name', 'doc_key', 'chunk_index', 'token_count', 'embedding_model',
] as const;

/**
 * Inserts chunk rows in bulk by binary COPY, on both backends (PostgreSQL: COPY FROM STDIN;
 * PGlite: COPY FROM its /dev/blob). Binary vectors are 4 KB per 1024-d row against ~20 KB of
 * decimal text, and neither side prints or parses floats.
 *
 * The data is encoded at once and sent by the returned function, so a caller can encode while
 * the server still works on the statement before (encoding is most of the client's share).
 */
export function prepareChunkRows(tx: SqlTransaction, chunks: readonly EmbeddedChunk[]): () => Promise<void> {
  if (chunks.length === 0) return async () => {};
  const data = copyRows(chunks);
  return () => tx.copyBinary('chunks', CHUNK_COLUMNS, data);
}

/** The rows in COPY's binary format, columns in `CHUNK_COLUMNS` order. */
export function copyRows(chunks: readonly EmbeddedChunk[]): Buffer {
  return encodeCopyBinary(
    chunks.map((c) => [
      { text: c.sourceUrl }, { text: c.title }, { text: c.docType }, { text: c.content }, { text: c.contentHash }, { text: c.contextHeader },
      { textArray: c.generations }, { bool: c.deprecated }, { text: c.sourceType }, { text: c.displayUrl }, { vector: c.embedding },
      { jsonb: JSON.stringify(c.metadata) }, { text: c.sourceName }, { text: c.docKey }, { int4: c.ordinal }, { int4: c.tokenCount },
      { text: c.embeddingModel },
    ]),
  );
}
