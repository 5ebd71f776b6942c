import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** One `[[sources]]` entry of a test config. */
export interface TestSource {
  name: string;
  parser: string;
  paths?: string[];
  label?: string;
  displayUrl?: string;
  generationTag?: string;
  /** `enrichers`; omitted = the key is left out (the default enrichers run). */
  enrichers?: string[];
  options?: Record<string, string | number | boolean>;
}

/** Writes a `sources.toml` for a test and returns its path. */
export function writeTestConfig(
  dir: string,
  config: { database: string; ollamaUrl: string; sources: TestSource[]; dataDir?: string; model?: string; dimensions?: number; batchSize?: number; maxAttempts?: number; retryBudgetS?: number; sourceConcurrency?: number; parseThreads?: boolean },
): string {
  const lines = [
    `data_dir = ${JSON.stringify(config.dataDir ?? dir)}`,
    '',
    '[database]',
    config.database,
    '',
    '[embedder]',
    'provider = "ollama"',
    `model = ${JSON.stringify(config.model ?? 'test-embed')}`,
    `dimensions = ${config.dimensions ?? 16}`,
    `batch_size = ${config.batchSize ?? 16}`,
    'concurrency = 2',
    `host = ${JSON.stringify(config.ollamaUrl)}`,
    'timeout_ms = 5000',
    `max_attempts = ${config.maxAttempts ?? 2}`,
    ...(config.retryBudgetS !== undefined ? [`retry_budget_s = ${config.retryBudgetS}`, '[embedder.options]', 'retry_base_ms = 100', 'retry_max_ms = 2000'] : []),
    '',
    // Sources one after another unless a test asks for more: tests that kill or inspect a run by its
    // progress lines expect the sources in file order (the parallel runs have their own tests).
    '[run]',
    `source_concurrency = ${config.sourceConcurrency ?? 1}`,
    ...(config.parseThreads !== undefined ? [`parse_threads = ${config.parseThreads}`] : []),
    '',
  ];
  for (const s of config.sources) {
    lines.push('[[sources]]', `name = ${JSON.stringify(s.name)}`, `parser = ${JSON.stringify(s.parser)}`, `paths = ${JSON.stringify(s.paths ?? [])}`);
    if (s.label) lines.push(`label = ${JSON.stringify(s.label)}`);
    if (s.displayUrl) lines.push(`display_url = ${JSON.stringify(s.displayUrl)}`);
    if (s.generationTag) lines.push(`generation_tag = ${JSON.stringify(s.generationTag)}`);
    if (s.enrichers) lines.push(`enrichers = ${JSON.stringify(s.enrichers)}`);
    if (s.options) {
      lines.push('[sources.options]');
      for (const [k, v] of Object.entries(s.options)) lines.push(`${k} = ${JSON.stringify(v)}`);
    }
    lines.push('');
  }
  const file = path.join(dir, 'sources.toml');
  writeFileSync(file, lines.join('\n'));
  return file;
}
