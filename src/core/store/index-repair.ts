import type { SqlExecutor } from './sql-client.js';

/**
 * Drops invalid indexes on the store's tables. An index build cut short (a killed
 * `CREATE INDEX CONCURRENTLY`, or an interrupted build on the embedded store) can leave an
 * index that exists but is marked invalid; `CREATE INDEX IF NOT EXISTS` would then keep it
 * as it is, so it is dropped and rebuilt instead.
 */
export async function dropInvalidIndexes(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name FROM pg_index i
     JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT i.indisvalid AND n.nspname = current_schema()`,
  );
  for (const row of rows) await sql.query(`DROP INDEX IF EXISTS ${row.name}`);
  return rows.map((r) => r.name);
}
