import pg from 'pg';
import { maskUrl } from '../config/mask.js';
import type { Row, SqlClient, SqlExecutor } from './sql-client.js';

/** `SqlClient` over a `pg` pool: the production path (`DATABASE_URL`). */
export class PgSqlClient implements SqlClient {
  readonly kind = 'postgres' as const;
  readonly description: string;
  private readonly pool: pg.Pool;

  constructor(url: string, options: { maxConnections?: number; connectTimeoutMs?: number } = {}) {
    this.description = maskUrl(url);
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      application_name: 'bbj-rag',
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', () => {});
  }

  async query<T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.pool.query(sql, params);
    return result.rows as T[];
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = { query: async <R extends Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[] };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
