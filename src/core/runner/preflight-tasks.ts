import type { ResolvedConfig, SourceConfig } from '../config/resolved-config.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Services } from '../container.js';
import { errorMessage } from '../errors/bbj-error.js';
import type { SqlClient } from '../store/sql-client.js';
import { createEmbedder } from './create-embedder.js';
import { checkEmbedder, checkSource, checkStore } from './preflight.js';

/** Where the preflight tasks get the store from and hand their results to. */
export interface PreflightHooks {
  /** Opens the store to check (validate: without writing; ingest: the store it will use). */
  openStore(): Promise<SqlClient>;
  /** The checked store: validate closes it, ingest keeps it for the run. */
  storeChecked(sql: SqlClient): Promise<void>;
  /** The created embedder and the dimension its probe reported, once reachable. */
  embedderChecked(embedder: Embedder, dimension: number | undefined): void;
}

/**
 * The preflight as listr tasks shared by `bbj validate` and `bbj ingest`: one per source,
 * the database and the embedder, to run concurrently with `exitOnError: false`. Every
 * problem is appended to `issues` (and fails its task, so the tree shows it).
 */
export function preflightTasks(config: ResolvedConfig, sources: SourceConfig[], services: Services, signal: AbortSignal, issues: string[], hooks: PreflightHooks) {
  const collect = (found: string[]) => {
    issues.push(...found);
    if (found.length) throw new Error(found.join('\n'));
  };
  return [
    ...sources.map((source) => ({ title: `Source ${source.name} (${source.parser})`, task: async () => collect(await checkSource(config, source, services, signal)) })),
    {
      title: 'Database',
      task: async () => {
        let sql: SqlClient;
        try {
          sql = await hooks.openStore();
        } catch (error) {
          return collect([`database ${config.database.url ? 'DATABASE_URL' : `pglite:${config.database.pglitePath}`}: ${errorMessage(error)}`]);
        }
        try {
          collect(await checkStore(config, sql));
        } finally {
          await hooks.storeChecked(sql);
        }
      },
    },
    {
      title: `Embedder ${config.embedder.provider} (${config.embedder.model})`,
      task: async () => {
        const created = createEmbedder(config, services);
        if (!created.embedder) return collect(created.issues);
        const result = await checkEmbedder(config, created.embedder, signal);
        hooks.embedderChecked(created.embedder, result.dimension);
        collect(result.issues);
      },
    },
  ];
}
