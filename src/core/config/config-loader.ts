import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { z } from 'zod';
import { BbjError } from '../errors/bbj-error.js';
import { ConfigFileSchema, type ConfigFile } from './config-schema.js';
import { applyEnvOverrides, ENV_OVERRIDES } from './env-overrides.js';
import { TomlPositions } from './toml-positions.js';
import type { ResolvedConfig, SourceConfig } from './resolved-config.js';

/** File names searched for, in each directory from the working directory upwards. */
export const CONFIG_FILE_NAMES = ['sources.toml', 'bbj-rag.toml', '.bbj-rag.toml'];

/** What the caller knows besides the file: flags and the environment. */
export interface LoadConfigOptions {
  /** `--config PATH`; when absent the file is searched for. */
  configPath?: string;
  /** `--data-dir PATH`; wins over `DATA_DIR` and `data_dir`. */
  dataDir?: string;
  /** Directory to search from (default: the working directory). */
  cwd?: string;
  /** Environment (default: `process.env`). */
  env?: Record<string, string | undefined>;
  /**
   * `bbj validate`: instead of throwing at the first invalid entry, leave out what is invalid,
   * list every problem in `problems` and resolve the rest, so the other checks still run.
   */
  collectProblems?: boolean;
}

/** Finds, parses, validates and resolves `sources.toml`. Every error names the file and the key or line. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explorer = cosmiconfig('bbj-rag', {
    searchPlaces: CONFIG_FILE_NAMES,
    searchStrategy: 'global',
    loaders: { '.toml': (filepath, content) => parseTomlFile(filepath, content) },
    cache: false,
  });

  let found: { filepath: string; config: unknown } | null;
  if (options.configPath) {
    const file = path.resolve(cwd, options.configPath);
    if (!existsSync(file)) {
      throw new BbjError(`Config file not found: ${file} (given with --config).`, 'CONFIG_MISSING', 'Check the path, or omit --config to search for sources.toml.');
    }
    found = await explorer.load(file);
  } else {
    found = await explorer.search(cwd);
    if (!found) {
      throw new BbjError(
        `No config file found: looked for ${CONFIG_FILE_NAMES.join(', ')} in ${cwd} and its parent directories.`,
        'CONFIG_NOT_FOUND',
        'Create sources.toml (see examples/sample/sources.toml) or pass --config PATH.',
      );
    }
  }
  const configPath = found!.filepath;
  const raw = (found!.config ?? {}) as Record<string, unknown>;
  const merged = applyEnvOverrides(raw, env);
  const parsed = ConfigFileSchema.safeParse(merged);
  const duplicates = duplicateNames(merged);
  if (parsed.success && duplicates.length === 0) return resolve(parsed.data, configPath, options, env);

  // Every problem of the file at once: schema issues (all of them), then duplicate names.
  const issues = [...(parsed.success ? [] : parsed.error.issues.map(issueAt)), ...duplicates];
  const problems = describeProblems(configPath, issues, env);
  if (!options.collectProblems) throw configError(problems);
  const { raw: kept, sourceIndexes } = withoutInvalid(merged, issues);
  const repaired = ConfigFileSchema.safeParse(kept);
  if (!repaired.success) throw configError(problems);
  return { ...resolve(repaired.data, configPath, options, env, sourceIndexes), problems };
}

/** One problem of the file: where (a key path) and what. */
interface ConfigIssue {
  path: PropertyKey[];
  message: string;
}

function issueAt(issue: z.core.$ZodIssue): ConfigIssue {
  // An unknown key is reported on its table; point at the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) return { path: [...issue.path, issue.keys[0]!], message: issue.message };
  return { path: issue.path, message: issue.message };
}

/** Source names used twice (checked on the raw entries, so they are found even when other keys are invalid). */
function duplicateNames(merged: Record<string, unknown>): ConfigIssue[] {
  const sources = Array.isArray(merged.sources) ? (merged.sources as unknown[]) : [];
  const seen = new Map<string, number>();
  const issues: ConfigIssue[] = [];
  sources.forEach((source, index) => {
    const name = (source as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') return;
    const first = seen.get(name);
    if (first !== undefined) issues.push({ path: ['sources', index, 'name'], message: `duplicate source name "${name}" (also sources[${first}]); names must be unique` });
    else seen.set(name, index);
  });
  return issues;
}

/** `file:line:column: key: message`, the position found in the TOML text; `(from VAR)` when the environment set the key. */
function describeProblems(configPath: string, issues: ConfigIssue[], env: Record<string, string | undefined>): string[] {
  let positions: TomlPositions | undefined;
  try {
    positions = new TomlPositions(readFileSync(configPath, 'utf8'));
  } catch {
    positions = undefined;
  }
  return issues.map((issue) => {
    const key = formatKey(issue.path) || '(top level)';
    const variable = envVariableFor(key, env);
    if (variable) return `${configPath}: ${key} (from the environment variable ${variable}): ${issue.message}`;
    const at = positions?.find(key);
    return `${configPath}${at ? `:${at.line}:${at.column}` : ''}: ${key}: ${issue.message}`;
  });
}

function envVariableFor(key: string, env: Record<string, string | undefined>): string | undefined {
  // The specific BBJ_RAG_* name wins over the generic one, as in applyEnvOverrides.
  const names = Object.entries(ENV_OVERRIDES).filter(([, k]) => k === key).map(([v]) => v).sort((a, b) => Number(b.startsWith('BBJ_RAG_')) - Number(a.startsWith('BBJ_RAG_')));
  const direct = names.find((v) => env[v]?.trim());
  if (direct) return direct;
  if (key === 'embedder.host' && env.OLLAMA_HOST?.trim()) return 'OLLAMA_HOST';
  return undefined;
}

function configError(problems: string[]): BbjError {
  return new BbjError(
    `Invalid config (${problems.length} problem(s)):\n${problems.map((l) => `  - ${l}`).join('\n')}`,
    'CONFIG_INVALID',
    'Fix the keys listed above; see examples/sample/sources.toml for a valid file.',
  );
}

const SECTIONS = new Set(['database', 'embedder', 'chunking']);

/** The raw config without the parts the issues name: a bad source is left out, a bad section falls back to its defaults. */
function withoutInvalid(merged: Record<string, unknown>, issues: ConfigIssue[]): { raw: Record<string, unknown>; sourceIndexes: number[] } {
  const out: Record<string, unknown> = { ...merged };
  const dropSources = new Set<number>();
  for (const { path: keyPath } of issues) {
    const [head, second] = keyPath;
    if (head === 'sources' && typeof second === 'number') dropSources.add(second);
    else if (head === 'sources') out.sources = [];
    else if (typeof head === 'string' && SECTIONS.has(head)) out[head] = {};
    else if (head === 'data_dir') out.data_dir = '';
    else if (typeof head === 'string') delete out[head];
  }
  // The kept sources keep their index in the file, for messages (`sources[3]`).
  const all = Array.isArray(out.sources) ? (out.sources as unknown[]) : [];
  const sourceIndexes = all.map((_s, i) => i).filter((i) => !dropSources.has(i));
  if (Array.isArray(out.sources)) out.sources = sourceIndexes.map((i) => all[i]);
  return { raw: out, sourceIndexes };
}

function parseTomlFile(filepath: string, content: string): unknown {
  try {
    return parseToml(content);
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = error.message.split('\n')[0];
      throw new BbjError(`${filepath}:${error.line}:${error.column}: TOML syntax error: ${firstLine}`, 'CONFIG_SYNTAX', 'Fix the TOML at that line.');
    }
    throw error;
  }
}

/** `['sources', 2, 'paths']` -> `sources[2].paths`. */
export function formatKey(keyPath: ReadonlyArray<PropertyKey>): string {
  return keyPath.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

function resolve(file: ConfigFile, configPath: string, options: LoadConfigOptions, env: Record<string, string | undefined>, sourceIndexes?: number[]): ResolvedConfig {
  const configDir = path.dirname(configPath);
  const cwd = options.cwd ?? process.cwd();
  let dataDir: string;
  let dataDirOrigin: string;
  if (options.dataDir) [dataDir, dataDirOrigin] = [path.resolve(cwd, options.dataDir), '--data-dir'];
  else if (env.DATA_DIR?.trim()) [dataDir, dataDirOrigin] = [path.resolve(cwd, env.DATA_DIR.trim()), 'DATA_DIR'];
  else if (file.data_dir.trim()) [dataDir, dataDirOrigin] = [path.resolve(configDir, file.data_dir.trim()), `data_dir in ${configPath}`];
  else [dataDir, dataDirOrigin] = [configDir, `the directory of ${configPath}`];
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new BbjError(`Data directory not found: ${dataDir} (from ${dataDirOrigin}).`, 'CONFIG_DATA_DIR', 'Create it, or point --data-dir, DATA_DIR or data_dir at the folder that holds the sources.');
  }

  const sources: SourceConfig[] = file.sources.map((s, index) => ({
    name: s.name,
    parser: s.parser,
    rawPaths: s.paths,
    paths: s.paths.map((p) => path.resolve(dataDir, p)),
    generationTag: s.generation_tag,
    enrichers: s.enrichers,
    enabled: s.enabled,
    label: s.label,
    displayUrl: s.display_url,
    options: s.options,
    maxFileBytes: s.max_file_bytes,
    parseTimeoutMs: Math.round(s.parse_timeout_s * 1000),
    index: sourceIndexes?.[index] ?? index,
  }));

  return {
    configPath,
    configDir,
    dataDir,
    dataDirOrigin,
    database: {
      url: file.database.url.trim() || undefined,
      pglitePath: path.resolve(configDir, file.database.path),
    },
    embedder: {
      provider: file.embedder.provider,
      model: file.embedder.model,
      dimensions: file.embedder.dimensions,
      batchSize: file.embedder.batch_size,
      concurrency: file.embedder.concurrency,
      host: file.embedder.host,
      timeoutMs: file.embedder.timeout_ms,
      maxAttempts: file.embedder.max_attempts,
      retryBudgetMs: file.embedder.retry_budget_s * 1000,
      options: file.embedder.options,
    },
    chunking: { maxTokens: file.chunking.max_tokens, overlapTokens: file.chunking.overlap },
    run: { sourceConcurrency: file.run.source_concurrency, parseThreads: file.run.parse_threads },
    sources,
  };
}
