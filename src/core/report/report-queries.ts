import type { SqlExecutor } from '../store/sql-client.js';
import type { EmptyDocument, EnricherCount, LabelCount, LabelScope, SkippedSummary } from './report-types.js';

/** Per-source chunk aggregates (one row per source that has chunks). */
export interface ChunkTotals {
  chunks: number;
  largest: number;
  atLimit: number;
  overLimit: number;
  overLimitMarked: number;
  labelledChunks: number;
  untaggedChunks: number;
  untaggedDocuments: number;
}

/**
 * SQL condition for chunks (alias `alias`) that an enricher of the scope shaped, with its
 * parameters numbered from `$first`; `true` without a scope.
 */
export function labelledSql(alias: string, first: number, scope: LabelScope | undefined): { sql: string; params: unknown[] } {
  if (!scope) return { sql: 'true', params: [] };
  return {
    sql: `coalesce(${alias}.metadata -> 'enrichers', $${first}::jsonb) ?| $${first + 1}::text[]`,
    params: [JSON.stringify(scope.unrecorded), [...scope.enrichers]],
  };
}

type Grouped<T> = Map<string, T>;

function push<T>(map: Grouped<T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

/** Whether the store has the tables this report reads. */
export async function hasReportTables(sql: SqlExecutor): Promise<boolean> {
  const rows = await sql.query<{ c: string | null; d: string | null; r: string | null }>(
    `SELECT to_regclass('chunks')::text AS c, to_regclass('documents')::text AS d, to_regclass('source_runs')::text AS r`,
  );
  return Boolean(rows[0]?.c && rows[0]?.d && rows[0]?.r);
}

/** Every source the store knows: with documents, or with a recorded run. */
export async function storedSources(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.query<{ source_name: string }>(
    'SELECT source_name FROM documents UNION SELECT source_name FROM source_runs ORDER BY source_name',
  );
  return rows.map((r) => r.source_name);
}

/** Manifest documents per source. */
export async function documentCounts(sql: SqlExecutor, sources: string[]): Promise<Grouped<number>> {
  const rows = await sql.query<{ source_name: string; n: unknown }>(
    'SELECT source_name, count(*) AS n FROM documents WHERE source_name = ANY($1::text[]) GROUP BY source_name',
    [sources],
  );
  return new Map(rows.map((r) => [r.source_name, Number(r.n)]));
}

/** Chunk counts, limit facts and the untagged share (of the labelled chunks) per source. */
export async function chunkTotals(sql: SqlExecutor, sources: string[], maxTokens: number, marker: { key: string; value: string }, untaggedLabel: string | null, scope?: LabelScope): Promise<Grouped<ChunkTotals>> {
  const labelled = labelledSql('chunks', 6, scope);
  const untagged = `(${labelled.sql}) AND (cardinality(generations) = 0 OR $5::text = ANY(generations))`;
  const rows = await sql.query<Record<string, unknown> & { source_name: string }>(
    `SELECT source_name, count(*) AS chunks, coalesce(max(token_count), 0) AS largest,
       count(*) FILTER (WHERE token_count = $2) AS at_limit,
       count(*) FILTER (WHERE token_count > $2) AS over_limit,
       count(*) FILTER (WHERE token_count > $2 AND metadata ->> $3 = $4) AS over_marked,
       count(*) FILTER (WHERE ${labelled.sql}) AS labelled,
       count(*) FILTER (WHERE ${untagged}) AS untagged_chunks,
       count(DISTINCT doc_key) FILTER (WHERE ${untagged}) AS untagged_docs
     FROM chunks WHERE source_name = ANY($1::text[]) GROUP BY source_name`,
    [sources, maxTokens, marker.key, marker.value, untaggedLabel, ...labelled.params],
  );
  return new Map(
    rows.map((r) => [
      r.source_name,
      {
        chunks: Number(r.chunks), largest: Number(r.largest), atLimit: Number(r.at_limit), overLimit: Number(r.over_limit),
        overLimitMarked: Number(r.over_marked), labelledChunks: Number(r.labelled), untaggedChunks: Number(r.untagged_chunks), untaggedDocuments: Number(r.untagged_docs),
      },
    ]),
  );
}

/** Chunks per list of enrichers that shaped them (`null`: stored before the list was recorded), most chunks first. */
export async function enricherCounts(sql: SqlExecutor, sources: string[]): Promise<Grouped<EnricherCount[]>> {
  const rows = await sql.query<{ source_name: string; names: unknown; chunks: unknown }>(
    `SELECT source_name, metadata -> 'enrichers' AS names, count(*) AS chunks
     FROM chunks WHERE source_name = ANY($1::text[]) GROUP BY 1, 2 ORDER BY 1, 3 DESC`,
    [sources],
  );
  const result: Grouped<EnricherCount[]> = new Map();
  for (const r of rows) {
    const names = typeof r.names === 'string' ? (JSON.parse(r.names) as unknown) : r.names;
    push(result, r.source_name, { names: Array.isArray(names) ? names.map(String) : null, chunks: Number(r.chunks) });
  }
  return result;
}

/** Chunk counts per histogram bucket: 1..n for `((i-1)w, iw]` up to the limit, 0 for above it. */
export async function histogramCounts(sql: SqlExecutor, sources: string[], maxTokens: number, width: number): Promise<Grouped<Map<number, number>>> {
  const rows = await sql.query<{ source_name: string; bucket: unknown; n: unknown }>(
    `SELECT source_name, CASE WHEN token_count > $2 THEN 0 ELSE greatest(ceil(token_count::numeric / $3)::int, 1) END AS bucket, count(*) AS n
     FROM chunks WHERE source_name = ANY($1::text[]) GROUP BY 1, 2`,
    [sources, maxTokens, width],
  );
  const result: Grouped<Map<number, number>> = new Map();
  for (const r of rows) {
    const buckets = result.get(r.source_name) ?? new Map<number, number>();
    buckets.set(Number(r.bucket), Number(r.n));
    result.set(r.source_name, buckets);
  }
  return result;
}

/** Documents and chunks per `doc_type` (of the chunks an enricher of `scope` shaped, when given). */
export async function docTypeCounts(sql: SqlExecutor, sources: string[], scope?: LabelScope): Promise<Grouped<LabelCount[]>> {
  const labelled = labelledSql('chunks', 2, scope);
  const rows = await sql.query<{ source_name: string; label: string; documents: unknown; chunks: unknown }>(
    `SELECT source_name, doc_type AS label, count(DISTINCT doc_key) AS documents, count(*) AS chunks
     FROM chunks WHERE source_name = ANY($1::text[]) AND ${labelled.sql} GROUP BY 1, 2 ORDER BY 1, 4 DESC, 2`,
    [sources, ...labelled.params],
  );
  const result: Grouped<LabelCount[]> = new Map();
  for (const r of rows) push(result, r.source_name, { label: r.label, documents: Number(r.documents), chunks: Number(r.chunks) });
  return result;
}

/** Documents and chunks per generation label; `null` for chunks with an empty list. */
export async function generationCounts(sql: SqlExecutor, sources: string[]): Promise<Grouped<LabelCount[]>> {
  const rows = await sql.query<{ source_name: string; label: string | null; documents: unknown; chunks: unknown }>(
    `SELECT c.source_name, g.label, count(DISTINCT c.doc_key) AS documents, count(*) AS chunks
     FROM chunks c LEFT JOIN LATERAL unnest(c.generations) AS g(label) ON true
     WHERE c.source_name = ANY($1::text[]) GROUP BY 1, 2 ORDER BY 1, 4 DESC, 2`,
    [sources],
  );
  const result: Grouped<LabelCount[]> = new Map();
  for (const r of rows) push(result, r.source_name, { label: r.label, documents: Number(r.documents), chunks: Number(r.chunks) });
  return result;
}

/** Manifest documents that have no chunk. */
export async function emptyManifestDocuments(sql: SqlExecutor, sources: string[]): Promise<Grouped<EmptyDocument[]>> {
  const rows = await sql.query<{ source_name: string; source_url: string }>(
    'SELECT source_name, source_url FROM documents WHERE chunk_count = 0 AND source_name = ANY($1::text[]) ORDER BY source_name, doc_key',
    [sources],
  );
  const result: Grouped<EmptyDocument[]> = new Map();
  for (const r of rows) push(result, r.source_name, { item: r.source_url, reason: 'stored with no chunk' });
  return result;
}

/**
 * What the latest successful run of each source skipped. Only `ok` runs: a `resumed` row
 * carries no stats and a failed run may have stopped before the parser reached everything.
 */
export async function lastRunSkips(sql: SqlExecutor, sources: string[]): Promise<Grouped<SkippedSummary>> {
  const rows = await sql.query<{ source_name: string; run_id: unknown; stats: unknown }>(
    `SELECT DISTINCT ON (source_name) source_name, run_id, stats FROM source_runs
     WHERE status = 'ok' AND source_name = ANY($1::text[]) ORDER BY source_name, run_id DESC`,
    [sources],
  );
  return new Map(rows.map((r) => [r.source_name, skippedFromStats(Number(r.run_id), r.stats)]));
}

/** Reads `skipped` (a count) and `skipped_items` (the list, when the run kept it) from a run's stats. */
export function skippedFromStats(runId: number, raw: unknown): SkippedSummary {
  const stats = (typeof raw === 'string' ? JSON.parse(raw) : raw ?? {}) as { skipped?: unknown; skipped_items?: unknown };
  const list = Array.isArray(stats.skipped_items) ? stats.skipped_items : Array.isArray(stats.skipped) ? stats.skipped : undefined;
  const items = (list ?? []).map((s: { item?: unknown; reason?: unknown }) => ({ item: String(s?.item ?? ''), reason: String(s?.reason ?? '') }));
  const count = typeof stats.skipped === 'number' ? stats.skipped : items.length;
  return { runId, count, itemsRecorded: list !== undefined, items };
}
