import type { StoreLock } from './store-lock.js';

/** A row as returned by a query. */
export type Row = Record<string, unknown>;

/** Query function shared by a connection and a transaction. */
export interface SqlExecutor {
  /** Runs one statement with `$1`-style parameters. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** What a transaction offers: statements, and bulk loads. */
export interface SqlTransaction extends SqlExecutor {
  /**
   * Loads rows given in PostgreSQL's binary COPY format into `table (columns)`: `COPY FROM STDIN`
   * on a server, `COPY FROM '/dev/blob'` on PGlite (whose `COPY FROM STDIN` does not work).
   */
  copyBinary(table: string, columns: readonly string[], data: Buffer): Promise<void>;
}

/**
 * The one SQL dialect both backends speak (PostgreSQL 15+ with pgvector): a pooled `pg`
 * client and embedded PGlite each implement this, and everything above is shared.
 */
export interface SqlClient extends SqlExecutor {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /** Human description with secrets masked (`postgresql://u:****@h/db`, `pglite:/path`). */
  readonly description: string;
  /** Backend kind. */
  readonly kind: 'postgres' | 'pglite';
  /** Takes the store-wide writer lock at once, or throws `StoreLockedError` naming the holder. */
  lock(): Promise<StoreLock>;
  /** Releases connections, locks and files. */
  close(): Promise<void>;
}
