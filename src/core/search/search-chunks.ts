import createDebug from 'debug';
import { toSql } from 'pgvector';
import { BbjError } from '../errors/bbj-error.js';
import type { Row, SqlClient } from '../store/sql-client.js';
import { denseSql, hybridSql, keywordSql } from './search-sql.js';
import type { SearchHit, SearchRequest } from './search-types.js';
import { parseHeadline } from './snippet.js';

const debug = createDebug('bbj:search');

/**
 * Runs one search the way the downstream API does (reference §2.6) and returns the result
 * records, best first. Read-only: takes no writer lock.
 */
export async function searchChunks(sql: SqlClient, request: SearchRequest): Promise<SearchHit[]> {
  const { query, mode, limit, filters } = request;
  const needsVector = mode !== 'keyword';
  if (needsVector && !request.vector) throw new BbjError(`The ${mode} search needs the query's embedding.`, 'SEARCH_NO_VECTOR');
  const vector = request.vector ? toSql(request.vector) as string : '';
  const statement = mode === 'dense' ? denseSql(query, vector, limit, filters) : mode === 'keyword' ? keywordSql(query, limit, filters) : hybridSql(query, vector, limit, filters);
  debug('%s search for %o (limit %d, filters %o)', mode, query, limit, filters);
  const rows = await sql.transaction(async (tx) => {
    if (needsVector) {
      // HNSW returns at most ef_search rows (40 by default) and, with a filter, may return fewer
      // than asked: widen the candidate list and let pgvector (>= 0.8) keep scanning in order.
      await tx.query(`SELECT set_config('hnsw.ef_search', $1, true)`, [String(Math.max(40, limit, 20))]);
      await tx.query(`SELECT set_config('hnsw.iterative_scan', 'strict_order', true)`);
    }
    return tx.query(statement.text, statement.values);
  });
  return rows.map((row, i) => toHit(row, i + 1, mode === 'hybrid'));
}

function toHit(row: Row, rank: number, hybrid: boolean): SearchHit {
  const hit: SearchHit = {
    rank,
    score: Number(row.score),
    id: Number(row.id),
    source_url: String(row.source_url),
    title: String(row.title),
    content: String(row.content),
    doc_type: String(row.doc_type),
    generations: (row.generations as string[] | null) ?? [],
    context_header: String(row.context_header),
    deprecated: Boolean(row.deprecated),
    display_url: String(row.display_url),
    source_type: String(row.source_type),
    source_name: String(row.source_name),
    doc_key: String(row.doc_key),
    chunk_index: Number(row.chunk_index),
    metadata: (typeof row.metadata === 'string' ? JSON.parse(row.metadata) : row.metadata ?? {}) as Record<string, unknown>,
    snippet: parseHeadline(String(row.snippet ?? '')),
  };
  if (hybrid) hit.ranks = { dense: nullableNumber(row.dense_rank), keyword: nullableNumber(row.keyword_rank) };
  return hit;
}

const nullableNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
