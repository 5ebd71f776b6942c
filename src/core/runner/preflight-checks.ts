import type { ResolvedConfig, SourceConfig } from '../config/resolved-config.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Services } from '../container.js';
import { errorMessage } from '../errors/bbj-error.js';
import type { SqlClient } from '../store/sql-client.js';
import { StoreLockedError } from '../store/store-lock.js';
import { createEmbedder } from './create-embedder.js';
import { checkEmbedder, checkSource, checkStore } from './preflight.js';
import type { RunListener } from './run-events.js';

/** Where the preflight gets the store from and hands its results to. */
export interface PreflightHooks {
  /** Opens the store to check (validate: without writing; ingest: the store it will use). */
  openStore(): Promise<SqlClient>;
  /** The checked store: validate closes it, ingest keeps it for the run. */
  storeChecked(sql: SqlClient): Promise<void>;
  /** The created embedder and the dimension its probe reported, once reachable. */
  embedderChecked(embedder: Embedder, dimension: number | undefined): void;
}

/** One preflight check: an id and title for display, and the work, which returns every problem it finds. */
export interface PreflightCheck {
  /** Stable id (`source:NAME`, `database`, `embedder`). */
  id: string;
  /** Human title. */
  title: string;
  /** Runs the check; never throws except `StoreLockedError` (another run holds the store). */
  run(): Promise<string[]>;
}

/** The titles of the checks `preflightChecks` will run, without running anything (for a display). */
export function describeChecks(config: ResolvedConfig, sources: SourceConfig[]): { id: string; title: string }[] {
  return [
    ...sources.map((source) => ({ id: `source:${source.name}`, title: `Source ${source.name} (${source.parser})` })),
    { id: 'database', title: 'Database' },
    { id: 'embedder', title: `Embedder ${config.embedder.provider} (${config.embedder.model})` },
  ];
}

/**
 * The preflight shared by `bbj validate` and `bbj ingest`: one check per source, the
 * database and the embedder, all run at once so every problem is reported together.
 */
export function preflightChecks(config: ResolvedConfig, sources: SourceConfig[], services: Services, signal: AbortSignal, hooks: PreflightHooks): PreflightCheck[] {
  const titles = describeChecks(config, sources);
  const title = (id: string) => titles.find((t) => t.id === id)!.title;
  return [
    ...sources.map((source) => ({ id: `source:${source.name}`, title: title(`source:${source.name}`), run: () => checkSource(config, source, services, signal) })),
    {
      id: 'database',
      title: title('database'),
      run: async () => {
        let sql: SqlClient;
        try {
          sql = await hooks.openStore();
        } catch (error) {
          if (error instanceof StoreLockedError) throw error;
          return [`database ${config.database.url ? 'DATABASE_URL' : `pglite:${config.database.pglitePath}`}: ${errorMessage(error)}`];
        }
        try {
          return await checkStore(config, sql);
        } finally {
          await hooks.storeChecked(sql);
        }
      },
    },
    {
      id: 'embedder',
      title: title('embedder'),
      run: async () => {
        const created = createEmbedder(config, services);
        if (!created.embedder) return created.issues;
        const result = await checkEmbedder(config, created.embedder, signal);
        hooks.embedderChecked(created.embedder, result.dimension);
        return result.issues;
      },
    },
  ];
}

/** Runs every check at once, telling `emit` as each starts and ends; returns all problems, in check order. */
export async function runChecks(checks: PreflightCheck[], emit: RunListener): Promise<string[]> {
  const results = await Promise.allSettled(
    checks.map(async (check) => {
      emit({ type: 'check-started', id: check.id, title: check.title });
      let issues: string[];
      try {
        issues = await check.run();
      } catch (error) {
        emit({ type: 'check-finished', id: check.id, title: check.title, issues: [errorMessage(error)] });
        throw error;
      }
      emit({ type: 'check-finished', id: check.id, title: check.title, issues });
      return issues;
    }),
  );
  const locked = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason instanceof StoreLockedError);
  if (locked) throw locked.reason;
  return results.flatMap((r) => (r.status === 'fulfilled' ? r.value : [errorMessage(r.reason)]));
}
