import type { EmbedderSettings } from '../contracts/embedder.js';

/** One enabled or disabled source, with paths resolved against the data directory. */
export interface SourceConfig {
  /** Unique URL-safe name. */
  name: string;
  /** Parser type name. */
  parser: string;
  /** `paths` as written in the file. */
  rawPaths: string[];
  /** `paths` resolved to absolute paths. */
  paths: string[];
  /** `generation_tag` (`auto` = rules decide). */
  generationTag: string;
  /** `enrichers` by name, in order; undefined when the key is omitted (the registry's default enrichers run). */
  enrichers?: string[];
  /** Disabled sources are skipped by `ingest all`. */
  enabled: boolean;
  /** Display label (`source_type`), if set. */
  label?: string;
  /** Base URL for display links, if set. */
  displayUrl?: string;
  /** Parser options, validated later by the parser's own schema. */
  options: Record<string, unknown>;
  /** `max_file_bytes`: larger files and pages are skipped. */
  maxFileBytes: number;
  /** `parse_timeout_s` in milliseconds: a document whose parse takes longer is skipped. */
  parseTimeoutMs: number;
  /** Index in the file, for messages (`sources[3]`). */
  index: number;
}

/** Everything a run needs, from file, environment and flags. */
export interface ResolvedConfig {
  /** Absolute path of the config file. */
  configPath: string;
  /** Directory of the config file (relative paths in it are relative to this). */
  configDir: string;
  /** Absolute data directory that source paths are relative to. */
  dataDir: string;
  /** Where the data directory came from, for messages. */
  dataDirOrigin: string;
  /** Database: a PostgreSQL URL, or the embedded PGlite directory when none. */
  database: { url?: string; pglitePath: string };
  /** Embedder settings. */
  embedder: EmbedderSettings;
  /** Chunk size limits in tokens. */
  chunking: { maxTokens: number; overlapTokens: number };
  /** `[run]`: sources ingested at once (`source_concurrency`); whether file sources are parsed in worker threads (`parse_threads`). */
  run: { sourceConcurrency: number; parseThreads: boolean | 'auto' };
  /** All sources in file order. */
  sources: SourceConfig[];
  /**
   * Problems of the file itself (schema, duplicate names), each with file:line:column and key;
   * set only when loaded with `collectProblems` (the entries they name were left out).
   */
  problems?: string[];
}
