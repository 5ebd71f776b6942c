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

/** Opens the SQL backend for a location. */
export async function openSqlClient(location: StoreLocation): Promise<SqlClient> {
  return location.url ? new PgSqlClient(location.url) : PgliteSqlClient.open(location.pglitePath);
}
