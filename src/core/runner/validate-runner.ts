import { Listr } from 'listr2';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Services } from '../container.js';
import { openForCheck } from './preflight.js';
import { preflightTasks } from './preflight-tasks.js';
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
  // Problems of the file itself first (schema, duplicate names); the entries they name were left out.
  const issues: string[] = [...(config.problems ?? [])];
  let store = config.database.url ? 'DATABASE_URL' : `pglite:${config.database.pglitePath}`;
  let dimension: number | undefined;
  await new Listr(
    preflightTasks(config, sources, services, signal, issues, {
      openStore: () => openForCheck(config, services),
      storeChecked: async (sql) => {
        store = sql.description;
        await sql.close();
      },
      embedderChecked: (_embedder, probed) => (dimension = probed),
    }),
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
