import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { openExclusivePglite } from './pglite-exclusive.js';

/**
 * pg_dump options: plain SQL without owners, grants or comments, so the script loads into
 * any database the loading role may write (COMMENT ON EXTENSION needs the extension's owner).
 * pglite-tools adds `--inserts` itself (COPY cannot be read back through PGlite).
 */
const DUMP_ARGS = ['--no-owner', '--no-privileges', '--no-comments', '--rows-per-insert=200'];

/**
 * Settings the PostgreSQL 18 pg_dump inside PGlite writes that older servers reject
 * (`transaction_timeout` exists from PostgreSQL 17): dropped so the dump loads into 15 and 16.
 */
const NEWER_SERVER_ONLY = [/^SET transaction_timeout = .*;\r?\n/gm];

/**
 * Dumps an embedded store as a plain SQL script (schema, data, indexes) that loads into a
 * PostgreSQL 15+ server with pgvector. Holds the store's lock while dumping; the whole script
 * is built in memory by pglite-tools before it is returned.
 */
export async function dumpEmbeddedStore(dataDir: string): Promise<string> {
  const store = await openExclusivePglite(dataDir);
  try {
    const file = await pgDump({ pg: store.db, args: DUMP_ARGS });
    let sql = await file.text();
    for (const pattern of NEWER_SERVER_ONLY) sql = sql.replace(pattern, '');
    return sql;
  } finally {
    await store.close();
  }
}
