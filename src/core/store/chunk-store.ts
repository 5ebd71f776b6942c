import { fromSql } from 'pgvector';
import { maskSecrets } from '../config/mask.js';
import { pgSafe, pgSafeJson } from '../text/pg-text.js';
import { BbjError, errorMessage } from '../errors/bbj-error.js';
import type { EmbeddedChunk } from '../contracts/chunk.js';
import type { HttpValidators } from '../contracts/http.js';
import { LATEST_VERSION, MIGRATIONS, POST_LOAD_INDEXES } from './migrations.js';
import { prepareChunkRows } from './chunk-rows.js';
import type { SqlClient } from './sql-client.js';

/** A document ready to be written with all its chunks. */
export interface DocumentWrite {
  /** Document key inside the source. */
  key: string;
  /** The document's `source_url`. */
  sourceUrl: string;
  /** Fingerprint of the parsed, enriched document and the settings that shaped its chunks. */
  fingerprint: string;
  /** HTTP validators to remember for conditional requests. */
  httpValidators?: HttpValidators;
  /** State the parser wants back next run. */
  parserState?: unknown;
  /** Every chunk of the document, embedded. */
  chunks: EmbeddedChunk[];
}

/** What writing a batch of documents changed. */
export interface WriteResult {
  /** Chunks whose text is new for their document. */
  chunksNew: number;
  /** Chunks rewritten with the same text as before (metadata may have changed). */
  chunksKept: number;
  /** Old chunks whose text is gone from their document. */
  chunksDeleted: number;
}

/** What the store looks like, read without writing (for `bbj validate`). */
export interface StoreInspection {
  /** Whether the pgvector extension is installed or installable. */
  vectorAvailable: boolean;
  /** Applied schema version (0 = empty database). */
  schemaVersion: number;
  /** Dimension of the stored `embedding` column, when the table exists. */
  dimension?: number;
  /** Embedding model recorded by the last migration, when known. */
  embeddingModel?: string;
}

/** Summary row of a past run, for `--resume`. */
export interface RunRecord {
  /** Run id. */
  id: number;
  /** `running`, `completed`, `failed` or `interrupted` (Ctrl-C, or its process died). */
  status: string;
  /** Sources that finished successfully in that run (including ones it carried over). */
  completedSources: string[];
}

/**
 * The storage contract over one SQL dialect: schema migrations, the documents manifest,
 * chunks written per document in one transaction, the sweep of documents gone from a
 * source, and run records. Knows nothing about any particular corpus.
 */
export class ChunkStore {
  constructor(readonly sql: SqlClient) {}

  /** Reads the state of the database without changing it. */
  async inspect(): Promise<StoreInspection> {
    const available = await this.sql.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
    const version = await this.schemaVersion();
    const dimension = await this.embeddingDimension();
    const model = version > 0 ? await this.setting('embedding_model') : undefined;
    return { vectorAvailable: available.length > 0, schemaVersion: version, dimension, embeddingModel: model };
  }

  /** Applies pending migrations; refuses a vector dimension different from the stored one. */
  async migrate(dimension: number, embeddingModel: string): Promise<void> {
    try {
      await this.sql.query('CREATE EXTENSION IF NOT EXISTS vector');
    } catch (error) {
      throw new BbjError(
        `The pgvector extension is not available in ${this.sql.description}: ${errorMessage(error)}`,
        'STORE_NO_VECTOR',
        'Install pgvector on the server (https://github.com/pgvector/pgvector#installation) or use the embedded store (no DATABASE_URL).',
      );
    }
    await this.sql.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = await this.schemaVersion();
    if (current > LATEST_VERSION) {
      throw new BbjError(`The database schema is version ${current}, newer than this bbj-rag knows (${LATEST_VERSION}).`, 'STORE_SCHEMA_NEWER', 'Upgrade bbj-rag.');
    }
    await this.assertForeignChunksAbsent(current);
    const stored = await this.embeddingDimension();
    if (stored !== undefined && stored !== dimension) throw dimensionError(this.sql.description, stored, dimension);
    // Every migration not yet recorded, in order: numbers are claimed by parallel work and may land out of order.
    const applied = new Set((await this.sql.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    for (const migration of [...MIGRATIONS].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version))) {
      await this.sql.transaction(async (tx) => {
        for (const statement of migration.statements(dimension)) await tx.query(statement);
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      });
    }
    await this.sql.query(
      `INSERT INTO store_settings (key, value) VALUES ('embedding_model', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [embeddingModel],
    );
  }

  /** Builds the vector and full-text indexes if missing (after a bulk load). */
  async ensurePostLoadIndexes(): Promise<void> {
    for (const statement of POST_LOAD_INDEXES) await this.sql.query(statement);
  }

  /** Fingerprints of the given documents of a source. */
  async manifest(source: string, keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await this.sql.query<{ doc_key: string; fingerprint: string }>(
      'SELECT doc_key, fingerprint FROM documents WHERE source_name = $1 AND doc_key = ANY($2::text[])',
      [source, keys],
    );
    return new Map(rows.map((r) => [r.doc_key, r.fingerprint]));
  }

  /** Marks documents as seen by a run without rewriting them; returns their chunk count. */
  async touch(source: string, keys: string[], runId: number): Promise<number> {
    if (keys.length === 0) return 0;
    const rows = await this.sql.query<{ n: string | number | null }>(
      `WITH t AS (UPDATE documents SET last_run_id = $3 WHERE source_name = $1 AND doc_key = ANY($2::text[]) RETURNING chunk_count)
       SELECT sum(chunk_count) AS n FROM t`,
      [source, keys, runId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Stamps documents that failed this run (their embedding failed) so the sweep keeps whatever
   * they had stored; their manifest fingerprint stays the old one, so the next run redoes them.
   */
  async touchFailed(source: string, keys: string[], runId: number): Promise<void> {
    if (keys.length === 0) return;
    await this.sql.query(
      'UPDATE documents SET last_run_id = $3, input_fingerprint = NULL WHERE source_name = $1 AND doc_key = ANY($2::text[])',
      [source, keys, runId],
    );
  }

  /**
   * Input units of a source with the documents each produced and their common fingerprint. A unit
   * whose rows disagree (or lack a fingerprint) is left out: it is parsed again.
   */
  async inputUnits(source: string): Promise<Map<string, { fingerprint: string; keys: string[] }>> {
    const rows = await this.sql.query<{ input_unit: string; input_fingerprint: string | null; doc_key: string }>(
      'SELECT input_unit, input_fingerprint, doc_key FROM documents WHERE source_name = $1 AND input_unit IS NOT NULL',
      [source],
    );
    const units = new Map<string, { fingerprint: string; keys: string[] }>();
    const broken = new Set<string>();
    for (const r of rows) {
      const unit = units.get(r.input_unit);
      if (r.input_fingerprint === null || (unit && unit.fingerprint !== r.input_fingerprint)) broken.add(r.input_unit);
      else if (unit) unit.keys.push(r.doc_key);
      else units.set(r.input_unit, { fingerprint: r.input_fingerprint, keys: [r.doc_key] });
    }
    for (const unit of broken) units.delete(unit);
    return units;
  }

  /** Records, for documents already committed, the input unit they came from and its fingerprint. */
  async setInputFingerprints(source: string, updates: Array<{ unit: string; fingerprint: string; keys: string[] }>): Promise<void> {
    const keys = updates.flatMap((u) => u.keys);
    if (keys.length === 0) return;
    const units = updates.flatMap((u) => u.keys.map(() => u.unit));
    const prints = updates.flatMap((u) => u.keys.map(() => u.fingerprint));
    await this.sql.query(
      `UPDATE documents d SET input_unit = u.unit, input_fingerprint = u.fp
       FROM unnest($2::text[], $3::text[], $4::text[]) AS u(doc_key, unit, fp)
       WHERE d.source_name = $1 AND d.doc_key = u.doc_key`,
      [source, keys, units, prints],
    );
  }

  /** Existing vectors by content hash for a model, so unchanged text is never embedded again. */
  async findVectors(hashes: string[], embeddingModel: string): Promise<Map<string, number[]>> {
    if (hashes.length === 0) return new Map();
    const rows = await this.sql.query<{ content_hash: string; embedding: string }>(
      `SELECT DISTINCT ON (content_hash) content_hash, embedding::text AS embedding FROM chunks
       WHERE content_hash = ANY($1::text[]) AND embedding_model = $2 AND embedding IS NOT NULL`,
      [hashes, embeddingModel],
    );
    return new Map(rows.map((r) => [r.content_hash, fromSql(r.embedding) as number[]]));
  }

  /**
   * Replaces each document's chunks and manifest row, all in one transaction, with a constant
   * number of statements per call: the old chunks' DELETE and the manifest upsert in one
   * statement, then the chunk rows in bulk (binary COPY on both backends).
   */
  async writeDocuments(source: string, runId: number, docs: DocumentWrite[]): Promise<WriteResult> {
    if (docs.length === 0) return { chunksNew: 0, chunksKept: 0, chunksDeleted: 0 };
    // Counted inside: a transaction lost with its connection is run again whole.
    return this.sql.transaction(async (tx) => {
      const result: WriteResult = { chunksNew: 0, chunksKept: 0, chunksDeleted: 0 };
      const keys = docs.map((d) => d.key);
      // Both in one round trip; the upsert only updates manifest rows (never their keys), so the
      // chunks' foreign key is untouched and the COPY below finds every document it refers to.
      const replacing = tx.query<{ doc_key: string; content_hash: string }>(
        `WITH manifest AS (
           INSERT INTO documents (source_name, doc_key, source_url, fingerprint, chunk_count, last_run_id, http_etag, http_last_modified, parser_state, updated_at)
           SELECT $1, u.doc_key, u.source_url, u.fingerprint, u.chunk_count, $2, u.etag, u.last_modified, u.parser_state::jsonb, now()
           FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[])
             AS u(doc_key, source_url, fingerprint, chunk_count, etag, last_modified, parser_state)
           ON CONFLICT (source_name, doc_key) DO UPDATE SET source_url = EXCLUDED.source_url, fingerprint = EXCLUDED.fingerprint,
             chunk_count = EXCLUDED.chunk_count, last_run_id = EXCLUDED.last_run_id, http_etag = EXCLUDED.http_etag,
             http_last_modified = EXCLUDED.http_last_modified, parser_state = EXCLUDED.parser_state, updated_at = now()
         )
         DELETE FROM chunks WHERE source_name = $1 AND doc_key = ANY($3::text[]) RETURNING doc_key, content_hash`,
        [
          source, runId, keys, docs.map((d) => d.sourceUrl), docs.map((d) => d.fingerprint), docs.map((d) => d.chunks.length),
          docs.map((d) => d.httpValidators?.etag ?? null), docs.map((d) => d.httpValidators?.lastModified ?? null),
          docs.map((d) => (d.parserState === undefined ? null : JSON.stringify(d.parserState))),
        ],
      );
      // Encoded while the server runs that statement (it is sent before this line runs).
      let writeRows: () => Promise<void>;
      try {
        writeRows = prepareChunkRows(tx, docs.flatMap((d) => d.chunks));
      } catch (error) {
        await replacing.catch(() => {});
        throw error;
      }
      const old = await replacing;
      const oldByDoc = new Map<string, Set<string>>();
      for (const r of old) {
        let set = oldByDoc.get(r.doc_key);
        if (!set) oldByDoc.set(r.doc_key, (set = new Set()));
        set.add(r.content_hash);
      }
      for (const doc of docs) {
        const oldHashes = oldByDoc.get(doc.key) ?? new Set<string>();
        const newHashes = new Set(doc.chunks.map((c) => c.contentHash));
        for (const chunk of doc.chunks) {
          if (oldHashes.has(chunk.contentHash)) result.chunksKept++;
          else result.chunksNew++;
        }
        for (const h of oldHashes) if (!newHashes.has(h)) result.chunksDeleted++;
      }
      await writeRows();
      return result;
    });
  }

  /**
   * Deletes the documents of a source that a complete run did not see; returns what went.
   * With `onlyKeys`, deletes only those of them (documents a parser reported gone).
   */
  async sweep(source: string, runId: number, onlyKeys?: string[]): Promise<{ documents: number; chunks: number }> {
    if (onlyKeys?.length === 0) return { documents: 0, chunks: 0 };
    const params: unknown[] = onlyKeys ? [source, runId, onlyKeys] : [source, runId];
    const keyFilter = onlyKeys ? ' AND doc_key = ANY($3::text[])' : '';
    return this.sql.transaction(async (tx) => {
      const chunks = await tx.query<{ n: string }>(
        `WITH d AS (DELETE FROM chunks WHERE source_name = $1 AND doc_key IN (SELECT doc_key FROM documents WHERE source_name = $1 AND last_run_id <> $2${keyFilter}) RETURNING 1)
         SELECT count(*) AS n FROM d`,
        params,
      );
      const docs = await tx.query<{ n: string }>(
        `WITH d AS (DELETE FROM documents WHERE source_name = $1 AND last_run_id <> $2${keyFilter} RETURNING 1) SELECT count(*) AS n FROM d`,
        params,
      );
      return { documents: Number(docs[0]?.n ?? 0), chunks: Number(chunks[0]?.n ?? 0) };
    });
  }

  /** HTTP validators stored with a document, for conditional requests. */
  async validators(source: string, key: string): Promise<HttpValidators | undefined> {
    const rows = await this.sql.query<{ http_etag: string | null; http_last_modified: string | null }>(
      'SELECT http_etag, http_last_modified FROM documents WHERE source_name = $1 AND doc_key = $2',
      [source, key],
    );
    const row = rows[0];
    if (!row || (!row.http_etag && !row.http_last_modified)) return undefined;
    return { etag: row.http_etag ?? undefined, lastModified: row.http_last_modified ?? undefined };
  }

  /** The parser state stored with a document, if any. */
  async parserState(source: string, key: string): Promise<{ parserState?: unknown } | undefined> {
    const rows = await this.sql.query<{ parser_state: unknown }>('SELECT parser_state FROM documents WHERE source_name = $1 AND doc_key = $2', [source, key]);
    if (rows.length === 0) return undefined;
    return rows[0]!.parser_state === null ? {} : { parserState: rows[0]!.parser_state };
  }

  /** Starts a run record; `owner` (host and pid) lets a later run tell whether this one is still alive. */
  async createRun(sources: string[], resumedFrom?: number, owner?: { host: string; pid: number }): Promise<number> {
    const rows = await this.sql.query<{ id: string }>(
      `INSERT INTO runs (status, sources, resumed_from, host, pid, heartbeat_at) VALUES ('running', $1::text[], $2, $3, $4, now()) RETURNING id`,
      [sources, resumedFrom ?? null, owner?.host ?? null, owner?.pid ?? null],
    );
    return Number(rows[0]!.id);
  }

  /** Records the outcome of one source in a run. */
  async recordSource(runId: number, source: string, status: 'ok' | 'failed' | 'interrupted' | 'resumed', stats: object, error?: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO source_runs (run_id, source_name, status, finished_at, stats, error) VALUES ($1, $2, $3, now(), $4::jsonb, $5)
       ON CONFLICT (run_id, source_name) DO UPDATE SET status = EXCLUDED.status, finished_at = now(), stats = EXCLUDED.stats, error = EXCLUDED.error`,
      // Run records are shown later: no secret, and nothing jsonb/text refuses (NUL), whatever a parser reported.
      [runId, source, status, JSON.stringify(pgSafeJson(stats)), error === undefined ? null : pgSafe(maskSecrets(error))],
    );
  }

  /** Closes a run record (`interrupted` after Ctrl-C, `failed` with the reason when the run itself failed). */
  async finishRun(runId: number, status: 'completed' | 'failed' | 'interrupted', error?: string): Promise<void> {
    await this.sql.query('UPDATE runs SET status = $2, finished_at = now(), error = $3 WHERE id = $1', [runId, status, error ?? null]);
  }

  /** The most recent run, with the sources it completed. */
  async lastRun(): Promise<RunRecord | undefined> {
    const runs = await this.sql.query<{ id: string; status: string }>('SELECT id, status FROM runs ORDER BY id DESC LIMIT 1');
    const run = runs[0];
    if (!run) return undefined;
    const done = await this.sql.query<{ source_name: string }>(`SELECT source_name FROM source_runs WHERE run_id = $1 AND status IN ('ok', 'resumed') ORDER BY source_name`, [run.id]);
    return { id: Number(run.id), status: run.status, completedSources: done.map((r) => r.source_name) };
  }

  private async schemaVersion(): Promise<number> {
    const exists = await this.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema()`);
    if (exists.length === 0) return 0;
    const rows = await this.sql.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    return Number(rows[0]?.v ?? 0);
  }

  private async embeddingDimension(): Promise<number | undefined> {
    // For the vector type the column's typmod is its dimension.
    const rows = await this.sql.query<{ atttypmod: number }>(
      `SELECT a.atttypmod FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE c.relname = 'chunks' AND c.relnamespace = current_schema()::regnamespace AND a.attname = 'embedding' AND NOT a.attisdropped`,
    );
    const mod = rows[0]?.atttypmod;
    return mod !== undefined && mod > 0 ? Number(mod) : undefined;
  }

  private async setting(key: string): Promise<string | undefined> {
    const rows = await this.sql.query<{ value: string }>('SELECT value FROM store_settings WHERE key = $1', [key]);
    return rows[0]?.value;
  }

  /** A `chunks` table without our ownership columns belongs to another tool (e.g. the Python pipeline). */
  private async assertForeignChunksAbsent(version: number): Promise<void> {
    if (version > 0) return;
    const rows = await this.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'chunks' AND table_schema = current_schema()`);
    if (rows.length > 0) {
      throw new BbjError(
        `${this.sql.description} already has a "chunks" table that bbj-rag did not create (no schema_migrations).`,
        'STORE_FOREIGN_SCHEMA',
        'Point DATABASE_URL at a new database (bbj-rag re-ingests everything into its own schema), or drop the old table.',
      );
    }
  }
}

function dimensionError(where: string, stored: number, wanted: number): BbjError {
  return new BbjError(
    `The store ${where} holds ${stored}-dimensional vectors but the embedder produces ${wanted}.`,
    'STORE_DIMENSION',
    `Set [embedder] dimensions = ${stored} with a model of that size, or use a new database (another DATABASE_URL or [database] path) for the new model.`,
  );
}
