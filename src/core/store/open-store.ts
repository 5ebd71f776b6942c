import { explainDbError } from './db-errors.js';
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
  // Each backend is imported when chosen: PGlite's module alone is ~0.5 MB of JavaScript that a
  // run against a server never needs (and `pg` with its protocol modules the reverse).
  if (!location.url) return (await import('./pglite-client.js')).PgliteSqlClient.open(location.pglitePath);
  const { PgSqlClient } = await import('./pg-client.js');
  const client = new PgSqlClient(location.url);
  try {
    await client.query('SELECT 1');
  } catch (error) {
    await client.close().catch(() => {});
    throw explainDbError(error, location.url);
  }
  return client;
}
