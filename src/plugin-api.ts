/**
 * `bbj-rag/plugin`: the contract between bbj-rag and its parser, embedder and enricher
 * plugins, and every helper a built-in plugin uses, so a third-party plugin can do what a
 * built-in does. The test harness is `bbj-rag/testing` (src/testing.ts); this file never
 * loads it, nor any CLI or command code.
 *
 * The layering rule (enforced by eslint.config.js, documented in docs/plugins.md): a file
 * under `src/plugins/NAME/` imports only its own folder, npm packages and this file
 * (`../../plugin-api.js`). Whatever a plugin needs from the core is exported here first.
 *
 * An installed plugin has its own `node_modules` without bbj-rag (an optional peer); the host
 * resolves `bbj-rag/plugin` to itself for its plugins (src/cli/host-resolution.ts), so the
 * helpers here are usable at run time, and the types with `import type` in any case.
 */
import type { PdfExtraction, PdfExtractOptions } from './plugins/pdf/pdf-sections.js';
import type { PluginDescriptor } from './core/plugin-descriptor.js';

// The contract: parser, embedder, enricher, documents, HTTP client, logger.
export type * from './core/contracts/index.js';
export { DocumentSchema, isHttpFailure, silentLogger } from './core/contracts/index.js';
export {
  CURRENT_API_VERSION,
  REGISTER_HOOK,
  SUPPORTED_API_VERSIONS,
  defineEmbedder,
  defineEnricher,
  defineParser,
  type EmbedderDescriptor,
  type EnricherDescriptor,
  type ParserDescriptor,
  type PluginDescriptor,
} from './core/plugin-descriptor.js';

// Errors: the message of anything thrown.
export { errorMessage } from './core/errors/bbj-error.js';

// HTTP embedders: one base with retry, failure messages and vector checks (ollama, openai-compatible).
export * from './core/embedding/index.js';

// Retry with exponential backoff, full jitter and `Retry-After` (for embedders and other clients of their own).
export { parseRetryAfter, sleep, withRetry, type RetryDecision, type RetryOptions } from './core/net/retry.js';

// The polite HTTP client's settings and scope rule (the client itself is `ctx.http`).
export { createHttpClient, decodeBody, defaultHttpSettings } from './core/http/index.js';
export { describeScope, isInScope, type HttpClientSettings, type HttpScope } from './core/http/http-settings.js';

// Text decoding: UTF-8 with a Windows-1252 fallback, as legacy documentation needs.
export { decodeUtf8OrWindows1252, decodeWindows1252 } from './core/text/windows-1252.js';
// Counting the letters and digits a parser read (`textChars`), compared by `bbj report` with what reached the chunks.
export { domReadableChars, readableChars } from './core/text/readable-chars.js';

// Reading files safely: inside the data directory, symbolic links resolved, size-capped; a source path's checks.
export { checkSourcePath, type SourcePathCheck, type SourcePathKind, type SourcePathProblem } from './core/files/source-path.js';
export { DEFAULT_MAX_FILE_BYTES, FileGuard, FileRefused, isInside, type FileCheck, type FileRead } from './core/files/file-guard.js';

// `bbj init` detection: grouping the scanned files of a folder into proposed sources.
export { folderOf, groupBy, nameFromFolder, topFolderOf } from './core/init/group-files.js';

// Web parsers: HTML to Markdown, links, sitemaps, titles, fetching, completeness, parallel fetches.
export * from './core/web/index.js';

// Display URLs and slugs: one URL-path join and encoding, Docusaurus-style slugs.
export { blogSlug, docSlug, plainSlug, stripDocExtension, stripNumberPrefix, type RoutingFrontMatter } from './core/text/docs-slug.js';
export { encodeUrlPath, joinUrlPath } from './core/text/url-path.js';

// Parser contexts and option errors exactly as the host builds them.
export { lazyParser, type ParserInfo, type ParserSteps } from './core/lazy-parser.js';
export { createParserContext, formatOptionIssues, parseParserOptions, type ParsedOptions, type ParserContextBase, type ParserReports } from './core/pipeline/parser-context.js';

// Types of the test harness, for code written against both entry points (the harness itself is `bbj-rag/testing`).
export type { CollectedDocuments, PluginCheck, TestContext, TestSource } from './testing.js';

export type { PdfExtraction, PdfExtractOptions, PdfSection } from './plugins/pdf/pdf-sections.js';

/**
 * PDF bytes to sections of Markdown (title, outline or headings, tables, page furniture
 * removed), as the built-in `pdf` parser reads them; for parsers that meet PDFs (a web page
 * linking a PDF article). The engine is the pdf plugin's, loaded on first use, so plugins
 * never import one another and pdf.js is not loaded by those that do not need it.
 */
export async function extractPdfSections(bytes: Uint8Array, options: PdfExtractOptions = {}): Promise<PdfExtraction> {
  const engine = await import('./plugins/pdf/pdf-sections.js');
  return engine.extractPdfSections(bytes, options);
}

/** What a `bbj:register` hook may return (or resolve to). */
export type RegisterHookResult = PluginDescriptor[] | { descriptors: PluginDescriptor[] };
/**
 * Signature of a `bbj:register` hook module's default export. The host passes oclif's hook
 * options; most hooks ignore them, so tests may call `register()` without arguments.
 */
export type RegisterHook = (options?: Record<string, unknown>) => RegisterHookResult | Promise<RegisterHookResult>;
