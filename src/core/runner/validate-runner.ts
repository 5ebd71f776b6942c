import { Listr } from 'listr2';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Services } from '../container.js';
import { errorMessage } from '../errors/bbj-error.js';
import { createEmbedder } from './create-embedder.js';
import { checkEmbedder, checkSource, checkStore, openForCheck } from './preflight.js';
import { selectSources } from './select-sources.js';

/** What `bbj validate` found (`--json` prints this). */
export interface ValidationReport {
  /** True when nothing is wrong. */
  ok: boolean;
  /** Config file. */
  config: string;
  /** Data directory and where it came from. */
  dataDir: string;
  /** Store description (password masked). */
  store: string;
  /** `provider (model)`. */
  embedder: string;
  /** Dimension the embedder produced in the probe, when reached. */
  dimension?: number;
  /** Every problem, each naming the source, key, path or service. */
  issues: string[];
  /** Plugins that failed to load (not fatal unless a source needs them). */
  pluginProblems: string[];
}

/** Runs every preflight check at once and writes nothing. */
export async function runValidate(
  config: ResolvedConfig,
  services: Services,
  options: { sourceNames?: string[]; renderer?: 'default' | 'simple' | 'silent'; signal?: AbortSignal } = {},
): Promise<ValidationReport> {
  const sources = selectSources(config, options.sourceNames);
  const signal = options.signal ?? new AbortController().signal;
  const issues: string[] = [];
  let store = config.database.url ? 'DATABASE_URL' : `pglite:${config.database.pglitePath}`;
  let dimension: number | undefined;
  const collect = (found: string[]) => {
    issues.push(...found);
    if (found.length) throw new Error(found.join('\n'));
  };
  await new Listr(
    [
      ...sources.map((source) => ({ title: `Source ${source.name} (${source.parser})`, task: async () => collect(await checkSource(config, source, services, signal)) })),
      {
        title: 'Database',
        task: async () => {
          let sql;
          try {
            sql = await openForCheck(config, services);
          } catch (error) {
            return collect([`database ${store}: ${errorMessage(error)}`]);
          }
          store = sql.description;
          try {
            collect(await checkStore(config, sql));
          } finally {
            await sql.close();
          }
        },
      },
      {
        title: `Embedder ${config.embedder.provider} (${config.embedder.model})`,
        task: async () => {
          const created = createEmbedder(config, services);
          if (!created.embedder) return collect(created.issues);
          const result = await checkEmbedder(config, created.embedder, signal);
          dimension = result.dimension;
          collect(result.issues);
        },
      },
    ],
    { concurrent: true, exitOnError: false, renderer: options.renderer ?? 'default', fallbackRenderer: 'simple' },
  )
    .run()
    .catch(() => {});
  return {
    ok: issues.length === 0,
    config: config.configPath,
    dataDir: `${config.dataDir} (from ${config.dataDirOrigin})`,
    store,
    embedder: `${config.embedder.provider} (${config.embedder.model})`,
    dimension,
    issues,
    pluginProblems: [...services.registry.problems],
  };
}
