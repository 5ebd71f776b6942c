import type { SqlExecutor } from '../store/sql-client.js';
import { labelledSql } from './report-queries.js';
import type { ChunkRef, Finding, LabelScope } from './report-types.js';

/**
 * The body of a chunk as SQL: `content` without the context header and the blank line the
 * chunker puts after it (`header\n\nbody`), so a header line never counts as body text.
 */
export const CHUNK_BODY_SQL = `CASE
  WHEN context_header = '' THEN content
  WHEN content = context_header THEN ''
  WHEN left(content, length(context_header) + 2) = context_header || E'\\n\\n' THEN substr(content, length(context_header) + 3)
  ELSE content END`;

// PostgreSQL ARE patterns. `(?n)` makes ^ and $ match at line breaks. An ATX heading is 0-3
// spaces, 1-6 '#', then a space/tab or the end of the line (`#hashtag` and `#include` are text).
const ATX_LINE = String.raw`(?n)^[ \t]{0,3}#{1,6}([ \t]|$)`;
const NON_HEADING_LINE = String.raw`(?n)^(?![ \t]{0,3}#{1,6}([ \t]|$))[ \t]*\S`;
const SETEXT_ONLY = String.raw`^[^\n]+\n[ \t]{0,3}(=+|-+)[ \t]*$`;

/**
 * True (in SQL) when the body has no text besides Markdown heading lines: nothing at all,
 * only ATX headings and blank lines, or one setext heading. Parameters `$3`-`$5` hold the patterns.
 */
const HEADING_ONLY_WHERE = `(btrim(b.body, E' \\t\\r\\n') = ''
  OR (b.body ~ $3 AND b.body !~ $4)
  OR btrim(b.body, E' \\t\\r\\n') ~ $5)`;

/** One query's worth of findings per source: what to select, how to order, what to show. */
interface FindingQuery {
  /** FROM clause yielding chunk columns (aliased `b`), filtered by `source_name = ANY($1)`. */
  from: string;
  /** Extra condition on `b`. */
  where: string;
  /** SQL text shown as the chunk's detail. */
  detail: string;
  /** Sample order inside a source. */
  order: string;
  /** Parameters from `$3` on. */
  params: unknown[];
}

/** Counts matching chunks per source and keeps the first `sampleLimit` of each. */
async function findings(sql: SqlExecutor, sources: string[], sampleLimit: number, q: FindingQuery): Promise<Map<string, Finding>> {
  const rows = await sql.query<{ source_name: string; source_url: string; doc_key: string; chunk_index: number; token_count: number; detail: string | null; total: unknown }>(
    `SELECT * FROM (
       SELECT b.source_name, b.source_url, b.doc_key, b.chunk_index, b.token_count, ${q.detail} AS detail,
         row_number() OVER (PARTITION BY b.source_name ORDER BY ${q.order}) AS rn,
         count(*) OVER (PARTITION BY b.source_name) AS total
       FROM ${q.from} WHERE b.source_name = ANY($1::text[]) AND ${q.where}
     ) f WHERE rn <= $2 ORDER BY source_name, rn`,
    [sources, sampleLimit, ...q.params],
  );
  const result = new Map<string, Finding>();
  for (const row of rows) {
    const finding = result.get(row.source_name) ?? { count: Number(row.total), samples: [] };
    const ref: ChunkRef = { sourceUrl: row.source_url, docKey: row.doc_key, chunkIndex: Number(row.chunk_index), tokenCount: Number(row.token_count), detail: row.detail ?? '' };
    finding.samples.push(ref);
    result.set(row.source_name, finding);
  }
  return result;
}

/** Chunks above the limit that do not carry the unsplittable marker, largest first. */
export function oversizedChunks(sql: SqlExecutor, sources: string[], sampleLimit: number, maxTokens: number, marker: { key: string; value: string }) {
  return findings(sql, sources, sampleLimit, {
    from: 'chunks b',
    where: 'b.token_count > $3 AND (b.metadata ->> $4) IS DISTINCT FROM $5',
    detail: `coalesce(b.metadata ->> 'split', 'no split marker')`,
    order: 'b.token_count DESC, b.doc_key, b.chunk_index',
    params: [maxTokens, marker.key, marker.value],
  });
}

/** Chunks whose body (after the context header) is only Markdown heading lines. */
export function headingOnlyChunks(sql: SqlExecutor, sources: string[], sampleLimit: number) {
  return findings(sql, sources, sampleLimit, {
    from: `(SELECT source_name, source_url, doc_key, chunk_index, token_count, ${CHUNK_BODY_SQL} AS body FROM chunks) b`,
    where: HEADING_ONLY_WHERE,
    detail: `left(btrim(b.body), 120)`,
    order: 'b.doc_key, b.chunk_index',
    params: [ATX_LINE, NON_HEADING_LINE, SETEXT_ONLY],
  });
}

/** Chunks whose `generations` contain any of the given labels (of the chunks an enricher of `scope` shaped, when given). */
export function chunksWithLabels(sql: SqlExecutor, sources: string[], sampleLimit: number, labels: readonly string[], scope?: LabelScope) {
  const labelled = labelledSql('b', 4, scope);
  return findings(sql, sources, sampleLimit, {
    from: 'chunks b',
    where: `b.generations && $3::text[] AND ${labelled.sql}`,
    detail: `array_to_string(b.generations, ', ')`,
    order: 'b.doc_key, b.chunk_index',
    params: [[...labels], ...labelled.params],
  });
}
