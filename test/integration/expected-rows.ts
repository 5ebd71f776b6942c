import { buildRegistry } from '../../src/cli/bootstrap.js';
import type { ResolvedConfig } from '../../src/core/config/resolved-config.js';
import { chunkDocument } from '../../src/core/chunking/chunker.js';
import { DocumentSchema } from '../../src/core/contracts/document.js';
import { silentLogger } from '../../src/core/contracts/logger.js';
import { enrichDocument } from '../../src/core/pipeline/enrich.js';
import { sourceInfo } from '../../src/core/runner/source-context.js';

/**
 * The rows an uninterrupted run must end with, computed without any database: every
 * source parsed, enriched and chunked in-process. Sorted `source|key|ordinal|hash` strings.
 */
export async function expectedRows(config: ResolvedConfig): Promise<string[]> {
  const registry = await buildRegistry();
  const rows: string[] = [];
  for (const source of config.sources.filter((s) => s.enabled)) {
    const parser = registry.parser(source.parser)!.value;
    const options = parser.optionsSchema.parse(source.options);
    const ctx = {
      source: sourceInfo(source), options, dataDir: config.dataDir, log: silentLogger, signal: new AbortController().signal,
      http: { get: async () => ({ ok: false as const, url: '', reason: 'no network in this helper' }) },
      skip() {}, unchanged() {}, progress() {},
    };
    for await (const raw of parser.parse(ctx)) {
      const doc = enrichDocument(DocumentSchema.parse(raw), ctx.source, registry.enrichersFor(source.enrichers).enrichers);
      for (const chunk of chunkDocument(doc, config.chunking, source.name)) rows.push(`${source.name}|${chunk.docKey}|${chunk.ordinal}|${chunk.contentHash}`);
    }
  }
  return rows.sort();
}
