import type { EmbeddedChunk } from '../contracts/chunk.js';
import { encodeCopyBinary } from './copy-binary.js';
import type { SqlExecutor } from './sql-client.js';

/** Columns written for every chunk, in COPY / unnest order. */
export const CHUNK_COLUMNS = [
  'source_url', 'title', 'doc_type', 'content', 'content_hash', 'context_header', 'generations', 'deprecated', 'source_type',
  'display_url', 'embedding', 'metadata', 'source_name', 'doc_key', 'chunk_index', 'token_count', 'embedding_model',
] as const;

// Rows per unnest statement: a handful of statements per group, each well under PGlite's message size comfort.
const ROWS_PER_STATEMENT = 500;

/**
 * Inserts chunk rows in bulk: binary `COPY ... FROM STDIN` where the connection offers it
 * (PostgreSQL; COPY is about twice as fast as INSERT, and binary vectors spare both sides the
 * decimal text), else one `INSERT ... SELECT FROM unnest(...)` per 500 rows (PGlite, where
 * COPY FROM STDIN does not work). Both keep a fixed, small parameter count.
 *
 * The COPY data is encoded at once and sent by the returned function, so a caller can encode
 * while the server still works on the statement before (the rows' encoding is most of the
 * client's share of a write).
 */
export function prepareChunkRows(tx: SqlExecutor, chunks: readonly EmbeddedChunk[]): () => Promise<void> {
  if (chunks.length === 0) return async () => {};
  if (tx.copyFrom) {
    const data = copyRows(chunks);
    return () => tx.copyFrom!(`COPY chunks (${CHUNK_COLUMNS.join(', ')}) FROM STDIN (FORMAT binary)`, data);
  }
  return async () => {
    for (let i = 0; i < chunks.length; i += ROWS_PER_STATEMENT) await insertUnnest(tx, chunks.slice(i, i + ROWS_PER_STATEMENT));
  };
}

async function insertUnnest(tx: SqlExecutor, chunks: readonly EmbeddedChunk[]): Promise<void> {
  const col = <T>(f: (c: EmbeddedChunk) => T) => chunks.map(f);
  await tx.query(
    `INSERT INTO chunks (${CHUNK_COLUMNS.join(', ')})
     SELECT u.source_url, u.title, u.doc_type, u.content, u.content_hash, u.context_header,
            ARRAY(SELECT jsonb_array_elements_text(u.generations)), u.deprecated, u.source_type, u.display_url,
            u.embedding::vector, u.metadata, u.source_name, u.doc_key, u.chunk_index, u.token_count, u.embedding_model
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::boolean[], $9::text[],
                 $10::text[], $11::text[], $12::jsonb[], $13::text[], $14::text[], $15::int[], $16::int[], $17::text[])
       AS u(source_url, title, doc_type, content, content_hash, context_header, generations, deprecated, source_type,
            display_url, embedding, metadata, source_name, doc_key, chunk_index, token_count, embedding_model)`,
    [
      col((c) => c.sourceUrl), col((c) => c.title), col((c) => c.docType), col((c) => c.content), col((c) => c.contentHash),
      col((c) => c.contextHeader), col((c) => JSON.stringify(c.generations)), col((c) => c.deprecated), col((c) => c.sourceType),
      col((c) => c.displayUrl), col((c) => vectorText(c.embedding)), col((c) => JSON.stringify(c.metadata)), col((c) => c.sourceName),
      col((c) => c.docKey), col((c) => c.ordinal), col((c) => c.tokenCount), col((c) => c.embeddingModel),
    ],
  );
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

/** pgvector's text form `[1,2,3]`: what `toSql` writes, without its per-vector copy (a third of the time for 1024-d vectors). */
function vectorText(embedding: readonly number[]): string {
  return JSON.stringify(embedding);
}
