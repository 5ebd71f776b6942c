import type { SourceConfig } from '../config/resolved-config.js';
import type { HttpClient } from '../contracts/http.js';
import type { Logger } from '../contracts/logger.js';
import type { Parser, SourceInfo } from '../contracts/parser.js';
import type { ParserContextBase } from '../pipeline/parser-context.js';
import type { Services } from '../container.js';
import type { ChunkStore } from '../store/chunk-store.js';

/** The parser-facing view of a source. */
export function sourceInfo(source: SourceConfig): SourceInfo {
  return {
    name: source.name,
    parser: source.parser,
    paths: source.paths,
    generationTag: source.generationTag,
    label: source.label,
    displayBaseUrl: source.displayUrl,
    maxFileBytes: source.maxFileBytes,
    parseTimeoutMs: source.parseTimeoutMs,
  };
}

/** The source's HTTP client, scoped by the parser; conditional requests read validators from the store. */
export function sourceHttp(parser: Parser, options: unknown, source: SourceConfig, services: Services, store: ChunkStore | undefined, log: Logger): HttpClient {
  const settings = parser.http?.(options) ?? { scope: { hosts: [] } };
  return services.createHttp(settings, { lookup: async (url) => store?.validators(source.name, url) }, log);
}

/** What the host knows about a source before parsing; `createParserContext` adds the reporting callbacks. */
export function baseContext(
  source: SourceConfig,
  parser: Parser,
  options: unknown,
  dataDir: string,
  http: HttpClient,
  log: Logger,
  signal: AbortSignal,
): ParserContextBase {
  return { source: sourceInfo(source), options, dataDir, http, log, signal };
}
