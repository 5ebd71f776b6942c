import { Flags } from '@oclif/core';
import { BbjCommand } from '../../cli/base-command.js';
import { commandContext } from '../../cli/command-context.js';
import { configFlags } from '../../cli/flags.js';
import { BbjError, ExitCode } from '../../core/errors/bbj-error.js';
import { serveEmbeddedStore } from '../../core/store/pglite-server.js';

/** What `bbj db serve` prints once it listens (`--json`: one line, then it runs until stopped). */
export interface ServeInfo {
  /** `pglite:` path of the served store. */
  store: string;
  host: string;
  port: number;
  /** Connection URL for psql, DBeaver or DATABASE_URL. */
  url: string;
}

export default class DbServe extends BbjCommand {
  static override summary = 'Serve the embedded store over the PostgreSQL protocol, for psql, DBeaver or a notebook.';
  static override description = `Opens the embedded PGlite store and listens for PostgreSQL clients (user postgres, database postgres, no password, no TLS) until Ctrl-C or SIGTERM. The store stays locked meanwhile: an ingest started now is refused until the server stops.

All connections share one PGlite session: queries run one at a time, and a transaction or SET in one client is seen by the others. Binds to 127.0.0.1 by default: there is no authentication.

Not needed for a PostgreSQL store (DATABASE_URL): connect to that server directly.

Exit codes: 0 stopped by a signal, 2 configuration or store error (no store, store in use, port taken).`;
  static override examples = [
    '<%= config.bin %> db serve',
    '<%= config.bin %> db serve --port 5433 --config examples/sample/sources.toml',
    'psql "postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable" -c "SELECT count(*) FROM chunks"',
  ];
  static override flags = {
    ...configFlags,
    port: Flags.integer({ char: 'p', min: 0, max: 65535, default: 5432, summary: 'TCP port (0 picks a free one).', helpValue: 'PORT' }),
    host: Flags.string({ default: '127.0.0.1', summary: 'Interface to bind.', helpValue: 'HOST' }),
    'max-connections': Flags.integer({ min: 1, default: 10, summary: 'Client connections accepted at once (at least your client pool size).', helpValue: 'N' }),
  };

  async run(): Promise<ServeInfo | undefined> {
    const { flags } = await this.parse(DbServe);
    let stop: (() => Promise<void>) | undefined;
    const info = await this.respond(flags.json, async () => {
      const { config } = await commandContext(this.config, flags);
      if (config.database.url) {
        throw new BbjError('The store is already a PostgreSQL server (DATABASE_URL or [database] url); there is nothing to serve.', 'SERVE_NOT_EMBEDDED', 'Connect psql or DBeaver to that server directly.');
      }
      const handle = await serveEmbeddedStore(config.database.pglitePath, { host: flags.host, port: flags.port, maxConnections: flags['max-connections'] }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') throw new BbjError(`Port ${flags.port} on ${flags.host} is already in use.`, 'SERVE_PORT_IN_USE', 'Pick another with --port (0 = any free port).');
        throw error;
      });
      stop = handle.stop;
      return { store: `pglite:${config.database.pglitePath}`, host: handle.host, port: handle.port, url: handle.url };
    }, () => ExitCode.ok, (i) => `Serving ${i.store} on ${i.host}:${i.port} (Ctrl-C to stop; the store is locked until then).\n\n  psql "${i.url}"\n  DATABASE_URL=${i.url}`);
    if (!info || !stop) return info;
    await untilSignal();
    await stop();
    if (!flags.json) this.log('Stopped; the store is unlocked.');
    process.exitCode = ExitCode.ok;
    return info;
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
