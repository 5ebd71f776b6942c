import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig, SourceConfig } from '../config/resolved-config.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Services } from '../container.js';
import { errorMessage } from '../errors/bbj-error.js';
import { checkSourcePath } from '../files/source-path.js';
import { createParserContext, ignoredReports, parseParserOptions } from '../pipeline/parser-context.js';
import { describeOrigin } from '../registry.js';
import { ChunkStore } from '../store/chunk-store.js';
import { explainDbError, pgvectorInstallHint } from '../store/db-errors.js';
import type { SqlClient } from '../store/sql-client.js';
import { baseContext, sourceHttp, sourceInfo } from './source-context.js';

/** Preflight checks of one kind; each returns every problem it finds, never throws. */
export type Check = () => Promise<string[]>;

/** Parser known, options valid, paths present, and the parser's own validation. */
export async function checkSource(config: ResolvedConfig, source: SourceConfig, services: Services, signal: AbortSignal): Promise<string[]> {
  const where = `source "${source.name}" (${path.basename(config.configPath)} sources[${source.index}])`;
  const registered = services.registry.parser(source.parser);
  if (!registered) {
    const known = services.registry.allParsers().map((p) => p.value.type).join(', ');
    return [`${where}: unknown parser type "${source.parser}"; available: ${known}. If a plugin provides it, install it: bbj plugins install bbj-rag-parser-${source.parser}`];
  }
  const parser = registered.value;
  const options = parseParserOptions(parser, source.options);
  if (!options.ok) return options.issues.map((line) => `${where}: ${line} (parser ${parser.type} from ${describeOrigin(registered.origin)})`);
  const { enrichers, unknown } = services.registry.enrichersFor(source.enrichers);
  const issues: string[] = unknown.map((n) => `${where}: enrichers: unknown enricher "${n}"; available: ${services.registry.enrichers().map((e) => e.name).join(', ') || '(none)'}. Use [] to store what the parser produced.`);
  issues.push(...enrichers.flatMap((e) => (e.validateSource?.(sourceInfo(source)) ?? []).map((m) => `${where}: ${m}`)));
  if (parser.requiresPaths && source.paths.length === 0) issues.push(`${where}: paths is empty; parser "${parser.type}" reads files (paths are relative to ${config.dataDir})`);
  issues.push(...pathIssues(config, source).map((m) => `${where}: ${m}`));
  if (issues.length || !parser.validate) return issues;
  try {
    const http = sourceHttp(parser, options.options, source, services, undefined, services.logger);
    const ctx = createParserContext(baseContext(source, parser, options.options, config.dataDir, http, services.logger, signal), ignoredReports);
    return (await parser.validate(ctx)).map((i) => `${where}: ${i.message}`);
  } catch (error) {
    return [`${where}: validation of parser "${parser.type}" failed: ${errorMessage(error)}`];
  }
}

/** Every configured path must exist and resolve, symbolic links included, inside the data directory. */
export function pathIssues(config: ResolvedConfig, source: SourceConfig): string[] {
  return source.paths.flatMap((p, i) => {
    const checked = checkSourcePath(p, config.dataDir);
    if (checked.ok) return [];
    const key = `paths[${i}] = "${source.rawPaths[i]}"`;
    if (checked.problem === 'outside') {
      return [
        `${key} ${checked.reason} (from ${config.dataDirOrigin}); ` +
          'only files inside it are read: move the files there or set data_dir / DATA_DIR / --data-dir to a folder holding them',
      ];
    }
    // "not found" is the wording `bbj validate` has always printed (scripts and tests match it).
    const reason = checked.problem === 'missing' ? 'not found' : checked.reason;
    return [`${key} ${reason}: ${p} (data dir from ${config.dataDirOrigin})`];
  });
}

/** Reachability, model presence and the dimension the embedder really produces. */
export async function checkEmbedder(config: ResolvedConfig, embedder: Embedder, signal: AbortSignal): Promise<{ issues: string[]; dimension?: number }> {
  try {
    const problems = await embedder.validate(signal);
    if (problems.length) return { issues: problems.map((p) => `embedder ${embedder.id} (${embedder.model}): ${p.message}`) };
    const dimension = await embedder.probeDimension(signal);
    if (dimension !== config.embedder.dimensions) {
      return {
        dimension,
        issues: [`embedder ${embedder.id} (${embedder.model}) produces ${dimension}-dimensional vectors but ${config.configPath} sets embedder.dimensions = ${config.embedder.dimensions}; set it to ${dimension}.`],
      };
    }
    return { issues: [], dimension };
  } catch (error) {
    return { issues: [`embedder ${embedder.id} (${embedder.model}): ${errorMessage(error)}`] };
  }
}

/** Connectivity, pgvector, schema version and stored vector dimension, without writing. */
export async function checkStore(config: ResolvedConfig, sql: SqlClient): Promise<string[]> {
  try {
    const inspection = await new ChunkStore(sql).inspect();
    const issues: string[] = [];
    if (!inspection.vectorAvailable) {
      const version = await sql.query<{ v: string }>('SHOW server_version_num').then((r) => Number(r[0]?.v), () => NaN);
      const major = Number.isFinite(version) ? Math.floor(version / 10000) : undefined;
      issues.push(`database ${sql.description}: the pgvector extension is not installed on the server; ${pgvectorInstallHint(major)}.`);
    }
    if (inspection.dimension !== undefined && inspection.dimension !== config.embedder.dimensions) {
      issues.push(
        `database ${sql.description} stores ${inspection.dimension}-dimensional vectors but embedder.dimensions = ${config.embedder.dimensions}: ` +
          `use a new database ([database] path or DATABASE_URL) for the new model, or go back to a ${inspection.dimension}-dimensional model.`,
      );
    }
    return issues;
  } catch (error) {
    if (sql.kind === 'postgres') return [errorMessage(explainDbError(error, sql.description))];
    return [`database ${sql.description}: ${errorMessage(error)}`];
  }
}

/** Opens the store for checking: an existing database as is; a missing embedded one in memory, so validation writes nothing. */
export async function openForCheck(config: ResolvedConfig, services: Services): Promise<SqlClient> {
  if (config.database.url) return services.openStore({ url: config.database.url });
  const exists = existsSync(path.join(config.database.pglitePath, 'PG_VERSION'));
  return services.openStore({ pglitePath: exists ? config.database.pglitePath : undefined });
}
