import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Services } from '../container.js';
import { openForCheck } from './preflight.js';
import { preflightChecks, runChecks } from './preflight-checks.js';
import type { RunListener } from './run-events.js';
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

/** Runs every preflight check at once and writes nothing (no store lock either: it only reads). */
export async function runValidate(
  config: ResolvedConfig,
  services: Services,
  // `renderer` is ignored (kept so older callers compile): the core has no display; pass `onEvent`.
  options: { sourceNames?: string[]; signal?: AbortSignal; onEvent?: RunListener; renderer?: string } = {},
): Promise<ValidationReport> {
  const sources = selectSources(config, options.sourceNames);
  const signal = options.signal ?? new AbortController().signal;
  const emit = options.onEvent ?? (() => {});
  // Problems of the file itself first (schema, duplicate names); the entries they name were left out.
  const fileProblems = [...(config.problems ?? [])];
  let store = config.database.url ? 'DATABASE_URL' : embeddedStoreName(config.database.pglitePath);
  let dimension: number | undefined;
  emit({ type: 'phase-started', phase: 'validate' });
  const found = await runChecks(
    preflightChecks(config, sources, services, signal, {
      openStore: () => openForCheck(config, services),
      storeChecked: async (sql) => {
        // A store not created yet is checked in memory; name where the first ingest will create it.
        if (sql.kind === 'postgres') store = sql.description;
        await sql.close();
      },
      embedderChecked: (_embedder, probed) => (dimension = probed),
    }),
    emit,
  );
  const issues = [...fileProblems, ...found];
  emit({ type: 'phase-finished', phase: 'validate', status: issues.length ? 'failed' : 'ok' });
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

function embeddedStoreName(dir: string): string {
  return existsSync(path.join(dir, 'PG_VERSION')) ? `pglite:${dir}` : `pglite:${dir} (not created yet: the first ingest creates it)`;
}
