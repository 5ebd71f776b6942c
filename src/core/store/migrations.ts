/** One numbered schema change. `dimension` is the embedder's vector size, fixed when the table is created. */
export interface Migration {
  /** Strictly increasing number. */
  version: number;
  /** Short description. */
  name: string;
  /** Statements to run, in order, in one transaction. */
  statements(dimension: number): string[];
}

/**
 * Schema history. Never edit a released migration: add a new one. The `chunks` table keeps
 * the reference columns and vocabularies so existing retrieval code can read it, and adds
 * ownership (source, document key, ordinal) and the embedding model.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'chunks, documents manifest, runs',
    statements: (dimension) => [
      `CREATE TABLE IF NOT EXISTS store_settings (key text PRIMARY KEY, value text NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS documents (
        source_name text NOT NULL,
        doc_key text NOT NULL,
        source_url text NOT NULL,
        fingerprint varchar(64) NOT NULL,
        chunk_count integer NOT NULL,
        last_run_id bigint NOT NULL,
        http_etag text,
        http_last_modified text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_name, doc_key)
      )`,
      `CREATE INDEX IF NOT EXISTS documents_source_run_idx ON documents (source_name, last_run_id)`,
      // Generated column: two-argument to_tsvector with an explicit configuration and ||
      // concatenation with coalesce, because only those forms are immutable.
      `CREATE TABLE IF NOT EXISTS chunks (
        id bigserial PRIMARY KEY,
        source_url text NOT NULL,
        title text NOT NULL,
        doc_type text NOT NULL,
        content text NOT NULL,
        content_hash varchar(64) NOT NULL,
        context_header text NOT NULL DEFAULT '',
        generations text[] NOT NULL DEFAULT '{}',
        deprecated boolean NOT NULL DEFAULT false,
        source_type text NOT NULL DEFAULT '',
        display_url text NOT NULL DEFAULT '',
        embedding vector(${dimension}),
        search_vector tsvector GENERATED ALWAYS AS (
          to_tsvector('english', coalesce(context_header, '') || ' ' || coalesce(title, '') || ' ' || coalesce(content, ''))
        ) STORED,
        metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        source_name text NOT NULL,
        doc_key text NOT NULL,
        chunk_index integer NOT NULL,
        token_count integer NOT NULL,
        embedding_model text NOT NULL,
        UNIQUE (source_name, doc_key, chunk_index),
        FOREIGN KEY (source_name, doc_key) REFERENCES documents (source_name, doc_key) ON DELETE CASCADE
      )`,
      `CREATE INDEX IF NOT EXISTS chunks_content_hash_idx ON chunks (content_hash, embedding_model)`,
      `CREATE INDEX IF NOT EXISTS chunks_source_type_idx ON chunks (source_type)`,
      `CREATE INDEX IF NOT EXISTS chunks_generations_idx ON chunks USING gin (generations)`,
      `CREATE TABLE IF NOT EXISTS runs (
        id bigserial PRIMARY KEY,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        status text NOT NULL,
        sources text[] NOT NULL,
        resumed_from bigint
      )`,
      `CREATE TABLE IF NOT EXISTS source_runs (
        run_id bigint NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        source_name text NOT NULL,
        status text NOT NULL,
        finished_at timestamptz,
        stats jsonb NOT NULL DEFAULT '{}'::jsonb,
        error text,
        PRIMARY KEY (run_id, source_name)
      )`,
      `CREATE OR REPLACE FUNCTION rrf_score(rank bigint, rrf_k bigint DEFAULT 50) RETURNS numeric
        LANGUAGE sql IMMUTABLE AS $$ SELECT COALESCE(1.0 / (rank + rrf_k), 0) $$`,
    ],
  },
  {
    version: 2,
    name: 'parser state kept with each document',
    statements: () => [`ALTER TABLE documents ADD COLUMN IF NOT EXISTS parser_state jsonb`],
  },
  {
    version: 3,
    name: 'runs record their host, pid and a heartbeat',
    // A later run marks a run `interrupted` when its process is gone or its heartbeat stopped.
    statements: () => [
      `ALTER TABLE runs ADD COLUMN IF NOT EXISTS host text`,
      `ALTER TABLE runs ADD COLUMN IF NOT EXISTS pid integer`,
      `ALTER TABLE runs ADD COLUMN IF NOT EXISTS heartbeat_at timestamptz`,
      `ALTER TABLE runs ADD COLUMN IF NOT EXISTS error text`,
    ],
  },
  {
    version: 4,
    name: 'input fingerprints: unchanged files and topics are not parsed again',
    statements: () => [
      // The input unit (file, topic) a document came from and the cheap fingerprint of that unit's
      // files; set only once every document of the unit is committed, so a partial unit is re-parsed.
      `ALTER TABLE documents ADD COLUMN IF NOT EXISTS input_unit text`,
      `ALTER TABLE documents ADD COLUMN IF NOT EXISTS input_fingerprint text`,
      `CREATE INDEX IF NOT EXISTS documents_input_unit_idx ON documents (source_name, input_unit)`,
    ],
  },
];

/** Indexes built after a bulk load: inserting row by row into HNSW is ~35x slower than building it once. */
export const POST_LOAD_INDEXES = [
  `CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw_idx ON chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)`,
  `CREATE INDEX IF NOT EXISTS chunks_search_vector_idx ON chunks USING gin (search_vector)`,
];

/** Latest schema version this code knows. */
export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
