import { HYBRID_CANDIDATES, RRF_K, type SearchFilters } from './search-types.js';

/** Collects `$n` parameters while a statement is assembled. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder. */
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

// ts_headline marks matched words with these; the formatter decides how to show them.
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MinWords=15, MaxWords=35, MaxFragments=2, FragmentDelimiter=" ... "`;

/** `AND ...` conditions for the filters (empty when none), on the `chunks` alias `c`. */
export function filterSql(filters: SearchFilters, p: Params): string {
  const parts: string[] = [];
  if (filters.sources?.length) parts.push(`c.source_name = ANY(${p.add(filters.sources, '::text[]')})`);
  // Array containment, as the reference's generation filter (served by the GIN index on generations).
  if (filters.generation) parts.push(`c.generations @> ARRAY[${p.add(filters.generation, '::text')}]`);
  if (filters.docTypes?.length) parts.push(`c.doc_type = ANY(${p.add(filters.docTypes, '::text[]')})`);
  return parts.map((s) => ` AND ${s}`).join('');
}

/**
 * The result columns of a chunk row `c` plus a snippet of its body (the breadcrumb that
 * starts `content` is left out: it is shown on its own line).
 */
function resultColumns(query: string, p: Params): string {
  const body = `CASE WHEN c.context_header <> '' AND left(c.content, length(c.context_header) + 2) = c.context_header || E'\\n\\n'
    THEN substr(c.content, length(c.context_header) + 3) ELSE c.content END`;
  return `c.id, c.source_url, c.title, c.content, c.doc_type, c.generations, c.context_header, c.deprecated, c.display_url,
    c.source_type, c.source_name, c.doc_key, c.chunk_index, c.metadata,
    ts_headline('english', ${body}, plainto_tsquery('english', ${p.add(query)}), ${p.add(HEADLINE_OPTIONS)}) AS snippet`;
}

/** Dense: nearest by cosine distance, score = 1 - distance. */
export function denseSql(query: string, vector: string, limit: number, filters: SearchFilters): { text: string; values: unknown[] } {
  const p = new Params();
  const v = p.add(vector, '::vector');
  const where = filterSql(filters, p);
  // Inner ORDER BY on the distance alone so the HNSW index can serve it; outer order breaks ties by id.
  const text = `SELECT ${resultColumns(query, p)}, 1 - n.distance AS score
    FROM (SELECT c.id, c.embedding <=> ${v} AS distance FROM chunks c WHERE c.embedding IS NOT NULL${where}
          ORDER BY c.embedding <=> ${v} LIMIT ${p.add(limit)}) n
    JOIN chunks c ON c.id = n.id ORDER BY n.distance, c.id`;
  return { text, values: p.values };
}

/** Keyword: plain-text query in the English configuration, ranked by cover density (`ts_rank_cd`). */
export function keywordSql(query: string, limit: number, filters: SearchFilters): { text: string; values: unknown[] } {
  const p = new Params();
  const q = `plainto_tsquery('english', ${p.add(query)})`;
  const where = filterSql(filters, p);
  const text = `SELECT ${resultColumns(query, p)}, k.score
    FROM (SELECT c.id, ts_rank_cd(c.search_vector, ${q}) AS score FROM chunks c WHERE c.search_vector @@ ${q}${where}
          ORDER BY score DESC, c.id LIMIT ${p.add(limit)}) k
    JOIN chunks c ON c.id = k.id ORDER BY k.score DESC, c.id`;
  return { text, values: p.values };
}

/**
 * Hybrid: the top rows of dense and of keyword, each ranked with `rank()` inside its list and
 * scored `rrf_score(rank)` = 1 / (rank + 50), summed per row (a row in one list only gets
 * that list's share), highest first.
 */
export function hybridSql(query: string, vector: string, limit: number, filters: SearchFilters): { text: string; values: unknown[] } {
  const p = new Params();
  const v = p.add(vector, '::vector');
  const q = `plainto_tsquery('english', ${p.add(query)})`;
  const where = filterSql(filters, p);
  const candidates = p.add(HYBRID_CANDIDATES);
  const k = p.add(RRF_K);
  const text = `WITH dense AS (
      SELECT id, rank() OVER (ORDER BY distance) AS r FROM (
        SELECT c.id, c.embedding <=> ${v} AS distance FROM chunks c WHERE c.embedding IS NOT NULL${where}
        ORDER BY c.embedding <=> ${v} LIMIT ${candidates}) d
    ), keyword AS (
      SELECT id, rank() OVER (ORDER BY score DESC) AS r FROM (
        SELECT c.id, ts_rank_cd(c.search_vector, ${q}) AS score FROM chunks c WHERE c.search_vector @@ ${q}${where}
        ORDER BY score DESC, c.id LIMIT ${candidates}) kw
    ), fused AS (
      SELECT coalesce(d.id, kw.id) AS id, rrf_score(d.r, ${k}) + rrf_score(kw.r, ${k}) AS score, d.r AS dense_rank, kw.r AS keyword_rank
      FROM dense d FULL JOIN keyword kw ON kw.id = d.id
    )
    SELECT ${resultColumns(query, p)}, f.score, f.dense_rank, f.keyword_rank
    FROM fused f JOIN chunks c ON c.id = f.id ORDER BY f.score DESC, c.id LIMIT ${p.add(limit)}`;
  return { text, values: p.values };
}
