import { hostname } from 'node:os';
import { BbjCommand } from '../cli/base-command.js';
import { configFlags } from '../cli/flags.js';
import { formatStatus } from '../cli/status-format.js';
import { openStoreSession } from '../cli/store-session.js';
import { ExitCode } from '../core/errors/bbj-error.js';
import { readStatus, type StoreStatus } from '../core/status/index.js';
import { HEARTBEAT_INTERVAL_MS, processAlive } from '../core/store/run-records.js';

/** A run whose heartbeat is older than this is taken as dead (the rule the next ingest applies). */
const HEARTBEAT_STALE_MS = 2 * HEARTBEAT_INTERVAL_MS;

export default class Status extends BbjCommand {
  static override summary = 'Show the store, its embedding model, and per source documents, chunks and the last run.';
  static override description = `The store (masked URL or path), schema version, embedding model and dimension; per source: documents, chunks, the latest run that included it (start, duration, status, counts) and what that run skipped with reasons; and runs still marked running (left by a crash, or in progress). Reads the store only.

Exit codes: 0 shown, 2 configuration or store error.`;
  static override examples = ['<%= config.bin %> status', '<%= config.bin %> status --config examples/sample/sources.toml --json'];
  static override flags = { ...configFlags };

  async run(): Promise<StoreStatus | undefined> {
    const { flags } = await this.parse(Status);
    return this.respond(flags.json, async () => {
      const session = await openStoreSession(this.config, flags);
      try {
        const configured = session.config.sources.filter((s) => s.enabled).map((s) => s.name);
        return await readStatus(session.sql, configured, { hostname: hostname(), isAlive: processAlive, heartbeatStaleMs: HEARTBEAT_STALE_MS });
      } finally {
        await session.sql.close();
      }
    }, () => ExitCode.ok, formatStatus);
  }
}
