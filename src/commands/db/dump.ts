import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BbjCommand } from '../../cli/base-command.js';
import { commandContext } from '../../cli/command-context.js';
import { configFlags } from '../../cli/flags.js';
import { BbjError, ExitCode } from '../../core/errors/bbj-error.js';
import { dumpEmbeddedStore } from '../../core/store/pglite-dump.js';

/** What `bbj db dump` wrote. */
export interface DumpInfo {
  /** `pglite:` path of the dumped store. */
  store: string;
  /** Absolute path of the SQL file. */
  file: string;
  /** Its size in bytes. */
  bytes: number;
}

export default class DbDump extends BbjCommand {
  static override summary = 'Write the embedded store as a SQL script that loads into PostgreSQL with pgvector.';
  static override description = `A plain SQL dump (pg_dump from @electric-sql/pglite-tools): the vector extension, every bbj-rag table with its rows, the rrf_score function and the HNSW and full-text indexes, without owners or grants. Load it into an empty database of a PostgreSQL 15+ server that has pgvector, then point DATABASE_URL at it:

  createdb bbj_rag
  psql -v ON_ERROR_STOP=1 -d bbj_rag -f store.sql
  export DATABASE_URL=postgresql://user@host/bbj_rag

The store is locked while it is dumped; the whole script is built in memory first.

Exit codes: 0 written, 2 configuration or store error (no store, store in use, file exists without --force).`;
  static override examples = ['<%= config.bin %> db dump store.sql', '<%= config.bin %> db dump /tmp/sample.sql --config examples/sample/sources.toml --force'];
  static override args = { file: Args.string({ required: true, description: 'SQL file to write.' }) };
  static override flags = { ...configFlags, force: Flags.boolean({ char: 'f', summary: 'Overwrite FILE if it exists.' }) };

  async run(): Promise<DumpInfo | undefined> {
    const { args, flags } = await this.parse(DbDump);
    return this.respond(flags.json, async () => {
      const { config } = await commandContext(this.config, flags);
      if (config.database.url) {
        throw new BbjError('The store is a PostgreSQL server (DATABASE_URL or [database] url); db dump reads the embedded store.', 'DUMP_NOT_EMBEDDED', 'Use pg_dump against that server.');
      }
      const file = path.resolve(args.file);
      if (existsSync(file) && !flags.force) throw new BbjError(`${file} already exists.`, 'DUMP_FILE_EXISTS', 'Pass --force to overwrite it, or give another file name.');
      const sql = await dumpEmbeddedStore(config.database.pglitePath);
      await writeFile(file, sql);
      return { store: `pglite:${config.database.pglitePath}`, file, bytes: Buffer.byteLength(sql) };
    }, () => ExitCode.ok, (d) => `Wrote ${d.file} (${(d.bytes / 1e6).toFixed(1)} MB) from ${d.store}.\nLoad it into an empty PostgreSQL database with pgvector:  psql -v ON_ERROR_STOP=1 -d DB -f ${d.file}`);
  }
}
