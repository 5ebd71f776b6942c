import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openExclusivePglite } from './pglite-exclusive.js';

/** Where and how to serve the embedded store. */
export interface ServeOptions {
  /** Interface to bind (loopback by default: the server has no authentication). */
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Client connections accepted at once (a `pg` pool needs at least its pool size). */
  maxConnections: number;
}

/** A running server. */
export interface ServeHandle {
  /** Host it listens on. */
  host: string;
  /** Port it listens on (the real one when 0 was asked). */
  port: number;
  /** A connection URL for psql, DBeaver or `DATABASE_URL`. */
  url: string;
  /** Stops accepting, closes the database and releases the store's lock. */
  stop(): Promise<void>;
}

/**
 * Serves an embedded store over the PostgreSQL wire protocol (pglite-socket), holding the
 * store's directory lock while it runs so no ingest can open the directory meanwhile. Every
 * connection shares PGlite's one backend session (one query at a time, shared transaction state).
 */
export async function serveEmbeddedStore(dataDir: string, options: ServeOptions): Promise<ServeHandle> {
  const store = await openExclusivePglite(dataDir);
  const server = new PGLiteSocketServer({ db: store.db, host: options.host, port: options.port, maxConnections: options.maxConnections });
  try {
    await server.start();
  } catch (error) {
    await store.close();
    throw error;
  }
  const port = Number(server.getServerConn().split(':').pop());
  let stopped: Promise<void> | undefined;
  return {
    host: options.host,
    port,
    url: `postgresql://postgres@${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/postgres?sslmode=disable`,
    stop: () =>
      (stopped ??= (async () => {
        try {
          await server.stop();
        } finally {
          await store.close();
        }
      })()),
  };
}
