import type { DocumentInput, HttpClient, HttpValidatorLookup, HttpValidators, JsonValue, Parser, ParserContext, SkippedItem } from '../../../src/core/contracts/index.js';
import { silentLogger } from '../../../src/core/contracts/index.js';
import { createHttpClient } from '../../../src/core/http/index.js';
import type { HttpClientSettings } from '../../../src/core/http/index.js';
import type { WebParser } from '../../../src/core/web/index.js';

/** What a parser run reported besides its documents. */
export interface ParserRun {
  /** Documents yielded, in order. */
  docs: DocumentInput[];
  /** Items reported with `ctx.skip`. */
  skipped: SkippedItem[];
  /** Keys reported with `ctx.unchanged`. */
  unchanged: string[];
  /** Warnings logged. */
  warnings: string[];
  /** Reasons given with `ctx.incomplete`. */
  incomplete: string[];
  /** Keys reported with `ctx.gone`. */
  gone: string[];
}

/** What a run may know from an earlier one, as the store would give it. */
export interface EarlierRun {
  /** Validators for conditional requests. */
  validators?: HttpValidatorLookup;
  /** Documents of the earlier run: their parser state is answered by `ctx.stored`. */
  docs?: DocumentInput[];
}

/** A validators lookup answering from the documents of an earlier run (as the store would). */
export function validatorsFrom(docs: DocumentInput[]): HttpValidatorLookup {
  const byKey = new Map<string, HttpValidators>(docs.filter((d) => d.httpValidators).map((d) => [d.key, d.httpValidators as HttpValidators]));
  return { lookup: async (url) => byKey.get(url) };
}

/** Test-friendly client settings: a timeout short enough for the slow-page fixtures yet safe while pages convert in parallel on a loaded machine, two attempts, tiny retry delays. */
export const fastHttp: Partial<HttpClientSettings> = { timeoutMs: 2_000, maxAttempts: 2, retryBaseDelayMs: 5, retryMaxDelayMs: 2_000, maxBytes: 1024 * 1024 };

/**
 * Runs a web parser the way the host will: options through its schema, a client built from
 * the defaults, the parser's `http(options)` (its timeout and attempts only when the test's
 * options set them; else `fastHttp`'s) and the test's overrides.
 */
export async function runWebParser<O>(
  parser: WebParser<O>,
  rawOptions: Record<string, unknown>,
  overrides: Partial<HttpClientSettings> = {},
  earlier: EarlierRun = {},
): Promise<ParserRun & { http: HttpClient }> {
  const options = parser.optionsSchema.parse(rawOptions);
  // The parser's default timeout and attempts would make fault tests slow; the test's own options win.
  const settings = parser.http(options);
  if (!('timeout_ms' in rawOptions)) delete settings.timeoutMs;
  if (!('max_attempts' in rawOptions)) delete settings.maxAttempts;
  const http = createHttpClient({ ...fastHttp, ...settings, ...overrides });
  return { ...(await runParser(parser, options, http, earlier.docs)), http };
}

/** Runs a parser with a given client and collects what it reports. */
export async function runParser<O>(parser: Parser<O>, options: O, http: HttpClient, earlier?: DocumentInput[]): Promise<ParserRun> {
  const run: ParserRun = { docs: [], skipped: [], unchanged: [], warnings: [], incomplete: [], gone: [] };
  const states = new Map<string, JsonValue | undefined>((earlier ?? []).map((d) => [d.key, d.parserState as JsonValue | undefined]));
  const ctx: ParserContext<O> = {
    source: { name: 'test-source', parser: parser.type, paths: [], generationTag: 'auto' },
    options,
    dataDir: '/nonexistent',
    http,
    log: { ...silentLogger, warn: (m) => run.warnings.push(m) },
    progress: () => {},
    skip: (item, reason) => run.skipped.push({ item, reason }),
    unchanged: (key) => run.unchanged.push(key),
    incomplete: (reason) => run.incomplete.push(reason),
    gone: (key) => run.gone.push(key),
    ...(earlier ? { stored: async (key: string) => (states.has(key) ? { parserState: states.get(key) } : undefined) } : {}),
    signal: new AbortController().signal,
  };
  for await (const doc of parser.parse(ctx)) run.docs.push(doc);
  return run;
}
