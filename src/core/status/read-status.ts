import { ChunkStore } from '../store/chunk-store.js';
import { LATEST_VERSION } from '../store/migrations.js';
import type { SqlClient } from '../store/sql-client.js';
import { lastSourceRuns, openRuns, sourceCounts } from './status-queries.js';
import type { SourceStatus, StatusEnvironment, StoreStatus } from './status-types.js';

/**
 * Reads what the store holds and how its last runs went: schema, embedding model, per
 * source documents, chunks, last run and its skips, and runs left `running`. Read-only.
 * `configured` names the sources of the config, listed even before their first ingest.
 */
export async function readStatus(sql: SqlClient, configured: string[], env: StatusEnvironment): Promise<StoreStatus> {
  const inspection = await new ChunkStore(sql).inspect();
  const base = {
    store: sql.description,
    backend: sql.kind,
    schemaVersion: inspection.schemaVersion,
    latestSchemaVersion: LATEST_VERSION,
    embedding: { model: inspection.embeddingModel ?? null, dimension: inspection.dimension ?? null },
  };
  if (inspection.schemaVersion === 0) {
    const sources = configured.map((name) => emptySource(name, true));
    return { ...base, totals: { documents: 0, chunks: 0 }, sources, openRuns: [] };
  }
  const [counts, runs, open] = await Promise.all([sourceCounts(sql), lastSourceRuns(sql), openRuns(sql, sql.kind === 'pglite', env)]);
  const names = [...new Set([...configured, ...counts.keys(), ...runs.keys()])].sort();
  const sources = names.map((name): SourceStatus => {
    const c = counts.get(name);
    const r = runs.get(name);
    return {
      ...emptySource(name, configured.includes(name)),
      documents: c?.documents ?? 0,
      chunks: c?.chunks ?? 0,
      lastRun: r?.run ?? null,
      skipped: r?.skipped ?? emptySource(name, false).skipped,
    };
  });
  const totals = sources.reduce((t, s) => ({ documents: t.documents + s.documents, chunks: t.chunks + s.chunks }), { documents: 0, chunks: 0 });
  return { ...base, totals, sources, openRuns: open };
}

function emptySource(name: string, configured: boolean): SourceStatus {
  return { name, configured, documents: 0, chunks: 0, lastRun: null, skipped: { runId: null, count: 0, itemsRecorded: false, items: [] } };
}
