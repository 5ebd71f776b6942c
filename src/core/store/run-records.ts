import { hostname } from 'node:os';
import type { SqlExecutor } from './sql-client.js';

/** The process that owns a run: a later run uses it to tell a live run from a dead one. */
export interface RunOwner {
  /** Host name of the machine the run's process runs on. */
  host: string;
  /** Its process id. */
  pid: number;
}

/** A run that was still `running` when a later run took the lock. */
export interface StaleRun {
  /** Run id. */
  id: number;
  /** Why it is known to be over. */
  reason: string;
}

/** How often a run writes its heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 15_000;

/** This process as a run owner. */
export function currentOwner(): RunOwner {
  return { host: hostname(), pid: process.pid };
}

/** True when a process with this pid exists on this machine. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Records that a run is still alive. */
export async function writeHeartbeat(sql: SqlExecutor, runId: number): Promise<void> {
  await sql.query('UPDATE runs SET heartbeat_at = now() WHERE id = $1', [runId]);
}

/**
 * Marks every run still recorded as `running` `interrupted`. Called under the store lock:
 * only the lock holder writes, so any other `running` row belongs to a process that died
 * (killed, crashed, lost its database) or lost the lock. The reason names which.
 */
export async function markStaleRuns(sql: SqlExecutor, me: RunOwner = currentOwner()): Promise<StaleRun[]> {
  const rows = await sql.query<{ id: string; host: string | null; pid: number | null; age: number | null }>(
    `SELECT id, host, pid, extract(epoch FROM now() - coalesce(heartbeat_at, started_at))::float8 AS age FROM runs WHERE status = 'running' ORDER BY id`,
  );
  const stale: StaleRun[] = [];
  for (const row of rows) {
    const age = Math.round(Number(row.age ?? 0));
    const reason =
      row.host === me.host && row.pid !== null && !processAlive(row.pid)
        ? `its process ${row.pid} on ${row.host} is gone`
        : age * 1000 > 2 * HEARTBEAT_INTERVAL_MS
          ? `its heartbeat stopped ${age} s ago`
          : 'it no longer holds the store lock';
    await sql.query(`UPDATE runs SET status = 'interrupted', finished_at = now(), error = $2 WHERE id = $1 AND status = 'running'`, [row.id, `interrupted: ${reason}`]);
    stale.push({ id: Number(row.id), reason });
  }
  return stale;
}

/** The `running` run of a process, to name the holder of the store lock. */
export async function runningRunOf(sql: SqlExecutor, pid: number): Promise<{ id: number; host: string | null; startedAt: string } | undefined> {
  try {
    const rows = await sql.query<{ id: string; host: string | null; started_at: Date | string }>(
      `SELECT id, host, started_at FROM runs WHERE status = 'running' AND pid = $1 ORDER BY id DESC LIMIT 1`,
      [pid],
    );
    const row = rows[0];
    return row ? { id: Number(row.id), host: row.host, startedAt: new Date(row.started_at).toISOString() } : undefined;
  } catch {
    // No runs table yet (the holder is creating the schema), or columns from an older schema.
    return undefined;
  }
}
