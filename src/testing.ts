/**
 * `bbj-rag/testing`: runs a plugin's parser and checks its hook's descriptors exactly as the
 * host does, without the CLI or a database. Kept apart from `bbj-rag/plugin` (the contract),
 * so a plugin's run-time code never loads the harness.
 */
import path from 'node:path';
import type { Document } from './core/contracts/document.js';
import type { HttpClient } from './core/contracts/http.js';
import { silentLogger, type Logger } from './core/contracts/logger.js';
import type { Parser, ParserContext, ParserProgress, SkippedItem, SourceInfo, ValidationIssue } from './core/contracts/parser.js';
import { createHttpClient } from './core/http/index.js';
import { DocumentGate } from './core/pipeline/document-gate.js';
import { createParserContext, parseParserOptions } from './core/pipeline/parser-context.js';

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
  const parsed = parseParserOptions(parser, source.options);
  if (!parsed.ok) throw new Error(`invalid options for parser "${parser.type}":\n  ${parsed.issues.join('\n  ')}`);
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
  const http = source.http ?? createHttpClient({ ...(parser.http?.(parsed.options) ?? { scope: { hosts: [] } }), log });
  const recorded = { skipped: [] as SkippedItem[], unchanged: [] as string[], incomplete: [] as string[], gone: [] as string[], progress: [] as ParserProgress[] };
  const ctx = createParserContext(
    { source: info, options: parsed.options, dataDir, http, log, signal: source.signal ?? new AbortController().signal },
    {
      skip: (item, reason) => void recorded.skipped.push({ item, reason }),
      unchanged: (key) => void recorded.unchanged.push(key),
      incomplete: (reason) => void recorded.incomplete.push(reason),
      gone: (key) => void recorded.gone.push(key),
      progress: (update) => void recorded.progress.push(update),
    },
  );
  return { ctx, ...recorded };
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
  const { builtinRegistry } = await import('./plugins/builtins.js');
  const registry = builtinRegistry();
  registry.registerHookResult(await hookResult, { kind: 'plugin', ...plugin });
  const mine = (o: { origin: { kind: string } }) => o.origin.kind === 'plugin';
  return {
    problems: [...registry.problems],
    parsers: registry.allParsers().filter(mine).map((p) => p.value.type),
    embedders: registry.allProviders().filter(mine).map((p) => p.value.type),
  };
}
