/**
 * `bbj-rag/plugin`: the documented entry point for plugin authors. It exports the contract
 * types, the `define*` helpers, the plugin API version, and helpers that run a parser or
 * check a hook's descriptors exactly as the host does, without the CLI or a database.
 *
 * An installed plugin has its own `node_modules` and cannot import bbj-rag at run time:
 * import from here with `import type` (or only in tests), and write descriptors as plain
 * objects with `apiVersion: 1` (or copy `defineParser`, a one-liner).
 */
import path from 'node:path';
import type { Document } from './core/contracts/document.js';
import { DocumentGate } from './core/pipeline/document-gate.js';
import type { HttpClient } from './core/contracts/http.js';
import { silentLogger, type Logger } from './core/contracts/logger.js';
import type { Parser, ParserContext, ParserProgress, SkippedItem, SourceInfo, ValidationIssue } from './core/contracts/parser.js';
import { createHttpClient } from './core/http/index.js';
import type { PluginDescriptor } from './core/plugin-descriptor.js';

export type * from './core/contracts/index.js';
export { errorMessage } from './core/errors/bbj-error.js';
export * from './core/embedding/index.js';
export { checkSourcePath, type SourcePathCheck, type SourcePathKind, type SourcePathProblem } from './core/files/source-path.js';
export { blogSlug, docSlug, plainSlug, stripDocExtension, stripNumberPrefix, type RoutingFrontMatter } from './core/text/docs-slug.js';
export { encodeUrlPath, joinUrlPath } from './core/text/url-path.js';
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

/** What a `bbj:register` hook may return (or resolve to). */
export type RegisterHookResult = PluginDescriptor[] | { descriptors: PluginDescriptor[] };
/** Signature of a `bbj:register` hook module's default export. */
export type RegisterHook = (options: Record<string, unknown>) => RegisterHookResult | Promise<RegisterHookResult>;

/** A source as a test describes it: what `sources.toml` would say. */
export interface TestSource {
  /** The source's `options` table, raw (validated with the parser's `optionsSchema`). Default `{}`. */
  options?: unknown;
  /** Source paths; relative ones are resolved against `dataDir`. Default `[]`. */
  paths?: string[];
  /** Directory relative paths are resolved against. Default: the working directory. */
  dataDir?: string;
  /** Source name. Default `test`. */
  name?: string;
  /** `label` (display label of the source). */
  label?: string;
  /** `display_url` (base URL of display links). */
  displayBaseUrl?: string;
  /** `generation_tag`. Default `auto`. */
  generationTag?: string;
  /** HTTP client. Default: the host's polite client, scoped by `parser.http(options)`. */
  http?: HttpClient;
  /** Diagnostics. Default: silent. */
  log?: Logger;
  /** Cancels parsing. */
  signal?: AbortSignal;
}

/** A parser context with what the parser reported through it. */
export interface TestContext<Options> {
  /** Pass this to `parser.validate` or `parser.parse`. */
  ctx: ParserContext<Options>;
  /** Items the parser skipped, in order. */
  skipped: SkippedItem[];
  /** Keys the parser reported as unchanged. */
  unchanged: string[];
  /** Reasons the parser gave for an incomplete enumeration, in order. */
  incomplete: string[];
  /** Keys the parser reported gone (404, 410), in order. */
  gone: string[];
  /** Progress updates, in order. */
  progress: ParserProgress[];
}

/** What `collectDocuments` returns. */
export interface CollectedDocuments {
  /** Documents as the host would store them (defaults applied), in parse order. */
  documents: Document[];
  /** Items the parser skipped, plus documents the host would refuse (invalid, duplicate key). */
  skipped: SkippedItem[];
  /** Keys the parser reported as unchanged. */
  unchanged: string[];
}

/**
 * Builds a parser context as the host does: options validated by the parser's schema (a
 * failure throws with the same `options.KEY: message` lines `bbj validate` prints), paths
 * resolved against the data directory, and recorders for `skip`, `unchanged` and `progress`.
 */
export function createTestContext<Options>(parser: Parser<Options>, source: TestSource = {}): TestContext<Options> {
  const parsed = parser.optionsSchema.safeParse(source.options ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `options.${i.path.join('.') || '(table)'}: ${i.message}`);
    throw new Error(`invalid options for parser "${parser.type}":\n  ${lines.join('\n  ')}`);
  }
  const dataDir = path.resolve(source.dataDir ?? process.cwd());
  const log = source.log ?? silentLogger;
  const info: SourceInfo = {
    name: source.name ?? 'test',
    parser: parser.type,
    paths: (source.paths ?? []).map((p) => path.resolve(dataDir, p)),
    generationTag: source.generationTag ?? 'auto',
    label: source.label,
    displayBaseUrl: source.displayBaseUrl,
  };
  const http = source.http ?? createHttpClient({ ...(parser.http?.(parsed.data) ?? { scope: { hosts: [] } }), log });
  const result: TestContext<Options> = { ctx: undefined as unknown as ParserContext<Options>, skipped: [], unchanged: [], incomplete: [], gone: [], progress: [] };
  result.ctx = {
    source: info,
    options: parsed.data,
    dataDir,
    http,
    log,
    signal: source.signal ?? new AbortController().signal,
    skip: (item, reason) => void result.skipped.push({ item, reason }),
    unchanged: (key) => void result.unchanged.push(key),
    incomplete: (reason) => void result.incomplete.push(reason),
    gone: (key) => void result.gone.push(key),
    progress: (update) => void result.progress.push(update),
  };
  return result;
}

/** Runs `parser.validate` (when it has one) on a test source; returns its issues. */
export async function validateSource<Options>(parser: Parser<Options>, source: TestSource = {}): Promise<ValidationIssue[]> {
  const { ctx } = createTestContext(parser, source);
  return parser.validate ? parser.validate(ctx) : [];
}

/**
 * Parses a test source to the end and checks every document as the host does before
 * chunking: an invalid document or a repeated key becomes a skipped item with the host's reason.
 */
export async function collectDocuments<Options>(parser: Parser<Options>, source: TestSource = {}): Promise<CollectedDocuments> {
  const test = createTestContext(parser, source);
  const documents: Document[] = [];
  const gate = new DocumentGate();
  for await (const raw of parser.parse(test.ctx)) {
    const label = typeof raw?.key === 'string' && raw.key ? raw.key : '(document without key)';
    const admitted = gate.admit(raw);
    if (admitted.ok) documents.push(admitted.doc);
    else test.skipped.push({ item: label, reason: admitted.reason });
  }
  return { documents, skipped: test.skipped, unchanged: test.unchanged };
}

/** What `checkPlugin` found. */
export interface PluginCheck {
  /** Problems the host would report (`bbj validate`, `bbj parsers`); empty when all is well. */
  problems: string[];
  /** Parser types the plugin would add. */
  parsers: string[];
  /** Embedder types the plugin would add. */
  embedders: string[];
}

/**
 * Registers a hook's result the way the host does, after the built-in plugins, so shape
 * errors, unsupported API versions and clashes with built-in type names show up in a test.
 */
export async function checkPlugin(hookResult: unknown, plugin: { name: string; version: string } = { name: 'plugin-under-test', version: '0.0.0' }): Promise<PluginCheck> {
  // Loaded on demand: most plugin tests never need the built-in parsers.
  const { builtinRegistry } = await import('./cli/bootstrap.js');
  const registry = builtinRegistry();
  registry.registerHookResult(await hookResult, { kind: 'plugin', ...plugin });
  const mine = (o: { origin: { kind: string } }) => o.origin.kind === 'plugin';
  return {
    problems: [...registry.problems],
    parsers: registry.allParsers().filter(mine).map((p) => p.value.type),
    embedders: registry.allProviders().filter(mine).map((p) => p.value.type),
  };
}
