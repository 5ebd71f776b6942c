import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { embeddingModelId } from '../../../src/core/runner/create-embedder.js';
import type { QueryEmbedder } from '../../../src/core/search/index.js';
import { builtinRegistry } from '../../../src/cli/bootstrap.js';
import type { EmbedderSettings } from '../../../src/core/contracts/embedder.js';
import { runCli } from '../../helpers/cli.js';
import { corporaDir, repoRoot } from '../../helpers/paths.js';

/** The offline embedder every retrieval test ingests and searches with. */
export const HASH = { model: 'feature-hash-v1', dimensions: 256 };

/**
 * Three sources: the bundled sample (two tutorials), the DWC course (a shared corpus) and
 * the course's BBj sample programs (doc type `example`), so filters have something to narrow.
 */
export function writeRetrievalConfig(dir: string, databaseToml: string, embedder = HASH): string {
  // Sources are read only inside the data directory: gather copies of the three folders there.
  const dataDir = path.join(dir, 'data');
  cpSync(path.join(repoRoot, 'examples', 'sample', 'docs'), path.join(dataDir, 'sample-docs'), { recursive: true });
  for (const sub of ['docs', 'samples']) cpSync(path.join(corporaDir, 'mdx-dwc-course', sub), path.join(dataDir, 'mdx-dwc-course', sub), { recursive: true });
  const file = path.join(dir, 'sources.toml');
  writeFileSync(
    file,
    [
      `data_dir = ${JSON.stringify(dataDir)}`,
      '[database]', databaseToml,
      '[embedder]', 'provider = "hash"', `model = ${JSON.stringify(embedder.model)}`, `dimensions = ${embedder.dimensions}`, 'batch_size = 64',
      '[chunking]', 'max_tokens = 400', 'overlap = 50',
      '[[sources]]', 'name = "sample-tutorial"', 'parser = "mdx"', 'paths = ["sample-docs"]',
      'label = "Sample Tutorial"', 'display_url = "https://example.com/sample-tutorial/"',
      '[[sources]]', 'name = "mdx-dwc"', 'parser = "mdx"', 'paths = ["mdx-dwc-course/docs"]', 'generation_tag = "dwc"',
      '[[sources]]', 'name = "dwc-samples"', 'parser = "bbj-source"', 'paths = ["mdx-dwc-course/samples"]',
    ].join('\n'),
  );
  return file;
}

/** Ingests the retrieval config with the real CLI. */
export async function ingest(configPath: string): Promise<void> {
  const result = await runCli(['ingest', 'all', '--config', configPath, '--json']);
  assert.equal(result.code, 0, result.stderr + result.stdout);
}

/** The hash embedder as a query embedder, built the way the CLI builds it. */
export function hashQueryEmbedder(model = HASH.model, dimensions = HASH.dimensions): QueryEmbedder {
  const provider = builtinRegistry().provider('hash')!.value;
  const settings: EmbedderSettings = { provider: 'hash', model, dimensions, batchSize: 64, concurrency: 1, timeoutMs: 1000, maxAttempts: 1, options: {} };
  const embedder = provider.create({ settings, options: provider.optionsSchema.parse({}), env: {}, log: { debug() {}, info() {}, warn() {} } });
  return { model: embeddingModelId(embedder), dimension: dimensions, embed: (texts) => embedder.embed(texts, new AbortController().signal) };
}
