/**
 * `bbj-rag`: the programmatic API. The same phases the CLI runs, without a terminal:
 * load a config, validate it, ingest. Results are the objects `--json` prints.
 *
 *   import { ingest } from 'bbj-rag';
 *   const summary = await ingest({ configPath: 'sources.toml' });
 */
import { builtinRegistry, createLogger } from './cli/bootstrap.js';
import { builtinParseWorker } from './plugins/builtins.js';
import { loadConfig, type LoadConfigOptions } from './core/config/config-loader.js';
import type { ResolvedConfig } from './core/config/resolved-config.js';
import { createRunContainer, resolveServices, type Services } from './core/container.js';
import type { PluginRegistry } from './core/registry.js';
import { runIngest } from './core/runner/ingest-runner.js';
import type { RunSummary } from './core/runner/run-summary.js';
import { runValidate, type ValidationReport } from './core/runner/validate-runner.js';

export { loadConfig, type LoadConfigOptions } from './core/config/config-loader.js';
export type { ResolvedConfig, SourceConfig } from './core/config/resolved-config.js';
export type { RunSummary, SourceOutcome } from './core/runner/run-summary.js';
export type { ValidationReport } from './core/runner/validate-runner.js';
export { BbjError, ExitCode, ValidationError } from './core/errors/bbj-error.js';
export { builtinRegistry } from './cli/bootstrap.js';

/** Where the config comes from, and which plugins to use. */
export interface ApiOptions extends LoadConfigOptions {
  /** Parsers and embedders (default: the built-in ones; CLI-installed plugins are the CLI's). */
  registry?: PluginRegistry;
  /** Turn on `bbj:*` debug output. */
  verbose?: boolean;
}

/** Options of `ingest`, as the `bbj ingest` flags. */
export interface IngestApiOptions extends ApiOptions {
  /** Source names (default: every enabled source). */
  sources?: string[];
  /** Re-ingest the selected sources from scratch. */
  clean?: boolean;
  /** Skip sources that the last interrupted run completed. */
  resume?: boolean;
  /** Stops the run (it stays resumable). */
  signal?: AbortSignal;
}

/** Runs every preflight check (config, paths, database, embedder) and writes nothing. */
export async function validate(options: ApiOptions & { sources?: string[] } = {}): Promise<ValidationReport> {
  const { config, services } = await prepare(options);
  return runValidate(config, services, { sourceNames: options.sources });
}

/** Validates, then ingests the selected sources; resolves to the run summary (never exits the process). */
export async function ingest(options: IngestApiOptions = {}): Promise<RunSummary> {
  const { config, services } = await prepare(options);
  return runIngest(config, services, { sourceNames: options.sources, clean: options.clean, resume: options.resume, signal: options.signal });
}

async function prepare(options: ApiOptions): Promise<{ config: ResolvedConfig; services: Services }> {
  const config = await loadConfig(options);
  const container = createRunContainer({ registry: options.registry ?? builtinRegistry(), logger: createLogger(options.verbose ?? false), parseWorker: builtinParseWorker });
  return { config, services: resolveServices(container) };
}
