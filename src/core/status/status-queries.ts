import { skippedFromStats } from '../report/index.js';
import type { SqlExecutor } from '../store/sql-client.js';
import type { OpenRun, RunCounts, SourceRunStatus, StatusEnvironment } from './status-types.js';
import type { SkippedSummary } from '../report/report-types.js';

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());
const num = (value: unknown): number => Number(value ?? 0);
const json = (value: unknown): Record<string, unknown> => (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;

/** Documents and chunks per source. */
export async function sourceCounts(sql: SqlExecutor): Promise<Map<string, { documents: number; chunks: number }>> {
  const [docs, chunks] = await Promise.all([
    sql.query<{ source_name: string; n: unknown }>('SELECT source_name, count(*) AS n FROM documents GROUP BY 1'),
    sql.query<{ source_name: string; n: unknown }>('SELECT source_name, count(*) AS n FROM chunks GROUP BY 1'),
  ]);
  const chunkCount = new Map(chunks.map((r) => [r.source_name, num(r.n)]));
  return new Map(docs.map((r) => [r.source_name, { documents: num(r.n), chunks: chunkCount.get(r.source_name) ?? 0 }]));
}

/**
 * Per source, the latest run that listed it, with the source's outcome when one was recorded.
 * Rows are read as JSON so columns added by later migrations (a per-source start time, the
 * run's host and heartbeat) are shown when present without this query naming them.
 */
export async function lastSourceRuns(sql: SqlExecutor): Promise<Map<string, { run: SourceRunStatus; skipped: SkippedSummary }>> {
  const rows = await sql.query<{ name: string; run: unknown; sr: unknown }>(
    `SELECT DISTINCT ON (s.name) s.name, to_jsonb(r) AS run, to_jsonb(sr) AS sr
     FROM runs r CROSS JOIN LATERAL unnest(r.sources) AS s(name)
     LEFT JOIN source_runs sr ON sr.run_id = r.id AND sr.source_name = s.name
     ORDER BY s.name, r.id DESC`,
  );
  const result = new Map<string, { run: SourceRunStatus; skipped: SkippedSummary }>();
  for (const row of rows) {
    const run = json(row.run);
    const sr = row.sr === null ? null : json(row.sr);
    const startedAt = iso(run.started_at)!;
    const finishedAt = sr ? iso(sr.finished_at) : null;
    const sourceStart = sr && sr.started_at ? iso(sr.started_at)! : startedAt;
    const stats = sr ? json(sr.stats) : {};
    result.set(row.name, {
      run: {
        runId: num(run.id),
        status: sr ? String(sr.status) : 'unfinished',
        runStatus: String(run.status),
        startedAt,
        finishedAt,
        durationMs: finishedAt ? Date.parse(finishedAt) - Date.parse(sourceStart) : null,
        counts: 'documents' in stats ? countsOf(stats) : null,
        error: sr && sr.error ? String(sr.error) : null,
      },
      skipped: skippedFromStats(num(run.id), stats),
    });
  }
  return result;
}

function countsOf(stats: Record<string, unknown>): RunCounts {
  return {
    documents: num(stats.documents), documentsChanged: num(stats.documentsChanged), documentsUnchanged: num(stats.documentsUnchanged),
    documentsDeleted: num(stats.documentsDeleted), chunksNew: num(stats.chunksNew), chunksUnchanged: num(stats.chunksUnchanged),
    chunksDeleted: num(stats.chunksDeleted), embedCalls: num(stats.embedCalls),
    skipped: typeof stats.skipped === 'number' ? stats.skipped : Array.isArray(stats.skipped) ? stats.skipped.length : 0,
  };
}

/**
 * Runs still marked `running`. On the embedded store this process holds the only lock, so
 * such a run is certainly dead; on a server, the run's host/pid or heartbeat (when the
 * schema records them) tell a crash from a run in progress.
 */
export async function openRuns(sql: SqlExecutor, exclusive: boolean, env: StatusEnvironment): Promise<OpenRun[]> {
  // Heartbeat age by the database clock, as the runs wrote it (no skew with this machine).
  const rows = await sql.query<{ run: unknown; age: unknown }>(
    `SELECT to_jsonb(r) AS run, extract(epoch FROM now() - coalesce((to_jsonb(r) ->> 'heartbeat_at')::timestamptz, r.started_at))::float8 AS age
     FROM runs r WHERE r.status = 'running' ORDER BY r.id`,
  );
  return rows.map(({ run: raw, age }) => {
    const run = json(raw);
    const host = typeof run.host === 'string' ? run.host : null;
    const pid = run.pid === null || run.pid === undefined ? null : Number(run.pid);
    const heartbeatAt = iso(run.heartbeat_at);
    let state: OpenRun['state'] = 'unknown';
    if (exclusive) state = 'crashed';
    else if (host === env.hostname && pid !== null) state = env.isAlive(pid) ? 'active' : 'crashed';
    else if (heartbeatAt) state = Number(age) * 1000 > env.heartbeatStaleMs ? 'crashed' : 'active';
    return { id: num(run.id), startedAt: iso(run.started_at)!, sources: (run.sources as string[]) ?? [], host, pid, heartbeatAt, state };
  });
}
