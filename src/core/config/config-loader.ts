import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { z } from 'zod';
import { BbjError } from '../errors/bbj-error.js';
import { ConfigFileSchema, type ConfigFile } from './config-schema.js';
import { applyEnvOverrides } from './env-overrides.js';
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
  const parsed = ConfigFileSchema.safeParse(applyEnvOverrides(raw, env));
  if (!parsed.success) throw schemaError(configPath, parsed.error);
  return resolve(parsed.data, configPath, options, env);
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

/** Formats zod issues as `file: key: message` lines. */
function schemaError(file: string, error: z.ZodError): BbjError {
  const lines = error.issues.map((issue) => `${file}: ${formatKey(issue.path) || '(top level)'}: ${issue.message}`);
  return new BbjError(`Invalid config:\n${lines.map((l) => `  - ${l}`).join('\n')}`, 'CONFIG_INVALID', 'Fix the keys listed above; see examples/sample/sources.toml for a valid file.');
}

/** `['sources', 2, 'paths']` -> `sources[2].paths`. */
export function formatKey(keyPath: ReadonlyArray<PropertyKey>): string {
  return keyPath.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

function resolve(file: ConfigFile, configPath: string, options: LoadConfigOptions, env: Record<string, string | undefined>): ResolvedConfig {
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
    enabled: s.enabled,
    label: s.label,
    displayUrl: s.display_url,
    options: s.options,
    maxFileBytes: s.max_file_bytes,
    parseTimeoutMs: Math.round(s.parse_timeout_s * 1000),
    index,
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
      options: file.embedder.options,
    },
    chunking: { maxTokens: file.chunking.max_tokens, overlapTokens: file.chunking.overlap },
    sources,
  };
}
