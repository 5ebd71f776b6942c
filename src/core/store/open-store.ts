import { explainDbError } from './db-errors.js';
import { PgSqlClient } from './pg-client.js';
import { PgliteSqlClient } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';

/** Where the store lives: a PostgreSQL URL wins; otherwise the embedded PGlite directory. */
export interface StoreLocation {
  /** `postgresql://...`; when set, PGlite is not used. */
  url?: string;
  /** PGlite data directory (`undefined` = in memory). */
  pglitePath?: string;
}

/**
 * Opens the SQL backend for a location. A server is asked once right away, so a refused
 * connection, an unknown database or a wrong password is reported here, with the fix.
 */
export async function openSqlClient(location: StoreLocation): Promise<SqlClient> {
  if (!location.url) return PgliteSqlClient.open(location.pglitePath);
  const client = new PgSqlClient(location.url);
  try {
    await client.query('SELECT 1');
  } catch (error) {
    await client.close().catch(() => {});
    throw explainDbError(error, location.url);
  }
  return client;
}
