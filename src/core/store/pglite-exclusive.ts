import { existsSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { BbjError } from '../errors/bbj-error.js';
import { acquireDirLock } from './dir-lock.js';
import { createPglite } from './pglite-open.js';

/** An embedded store opened directly (not through `SqlClient`), for tools that need the PGlite instance. */
export interface ExclusivePglite {
  /** The PGlite instance, with pgvector. */
  db: PGlite;
  /** Closes the database, then releases the directory lock. */
  close(): Promise<void>;
}

/**
 * Opens an existing embedded store under its directory lock (the same lock ingestion takes),
 * so no writer can open it meanwhile. Never creates a store.
 */
export async function openExclusivePglite(dataDir: string): Promise<ExclusivePglite> {
  if (!existsSync(dataDir)) {
    throw new BbjError(`There is no embedded store at ${dataDir}.`, 'STORE_MISSING', 'Run `bbj ingest all` first, or point --config / [database] path at the store.');
  }
  const release = acquireDirLock(dataDir);
  try {
    const db = await createPglite(dataDir);
    return {
      db,
      close: async () => {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
