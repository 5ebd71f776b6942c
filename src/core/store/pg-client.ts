import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { maskUrl } from '../config/mask.js';
import { isConnectionError, retryConnection } from './connection-retry.js';
import { acquireAdvisoryLock, applicationName, endOrphanBackends } from './pg-advisory-lock.js';
import type { StoreLock } from './store-lock.js';
import type { Row, SqlClient, SqlTransaction } from './sql-client.js';

/** How long a lost connection is retried (server restart, 57P01, reset) before a statement fails. */
export const DEFAULT_RECONNECT_BUDGET_MS = 60_000;

/** `SqlClient` over a `pg` pool: the production path (`DATABASE_URL`). */
export class PgSqlClient implements SqlClient {
  readonly kind = 'postgres' as const;
  readonly description: string;
  private readonly pool: pg.Pool;
  private readonly budgetMs: number;
  private reached = false;

  constructor(
    private readonly url: string,
    options: { maxConnections?: number; connectTimeoutMs?: number; reconnectBudgetMs?: number } = {},
  ) {
    this.description = maskUrl(url);
    this.budgetMs = options.reconnectBudgetMs ?? DEFAULT_RECONNECT_BUDGET_MS;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      // Names this process in pg_stat_activity, so a later run can end the backends it leaves behind if killed.
      application_name: applicationName('pool'),
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => {});
  }

  async query<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.reconnecting(async () => (await this.pool.query(sql, params)).rows as T[]);
  }

  /** A transaction lost with its connection is rolled back by the server, so it is run again whole. */
  async transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return this.reconnecting(async () => {
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const tx: SqlTransaction = {
          query: async <R extends Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
          copyBinary: async (table, columns, data) =>
            pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT binary)`))),
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = isConnectionError(error);
        if (!broken) await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        // A broken connection is destroyed, not returned to the pool.
        client.release(broken);
      }
    });
  }

  async lock(): Promise<StoreLock> {
    const lock = await acquireAdvisoryLock(this.url, this.description, this.budgetMs);
    // Under the lock no other writer runs: backends of dead bbj-rag processes are leftovers.
    await endOrphanBackends((sql, params) => this.query(sql, params) as never).catch(() => 0);
    return lock;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Retries on connection loss once the database was reached; an unreachable database fails at once (validate). */
  private async reconnecting<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.reached) {
      const result = await fn();
      this.reached = true;
      return result;
    }
    return retryConnection(fn, { budgetMs: this.budgetMs, what: `database ${this.description}` });
  }
}
