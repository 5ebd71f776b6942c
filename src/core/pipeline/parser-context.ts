import type { HttpClient } from '../contracts/http.js';
import type { Logger } from '../contracts/logger.js';
import type { Parser, ParserContext, SourceInfo } from '../contracts/parser.js';

/**
 * The one place a parser context and a parser's option errors are made: `bbj validate`
 * (preflight), `bbj ingest` and the `bbj-rag/testing` harness all go through here, so a
 * plugin's test sees the same context and the same `options.KEY: message` lines as a user.
 */

/** What the host knows about a source before parsing: everything but the reporting callbacks. */
export interface ParserContextBase<Options = unknown> {
  source: SourceInfo;
  options: Options;
  dataDir: string;
  http: HttpClient;
  log: Logger;
  signal: AbortSignal;
}

/** The callbacks through which a parser reports; the required three plus the optional host hooks. */
export type ParserReports = Pick<ParserContext, 'skip' | 'unchanged' | 'progress'> &
  Partial<Pick<ParserContext, 'incomplete' | 'gone' | 'stored' | 'inputUnchanged'>>;

/** Reports nobody reads (preflight: `validate` may call them, nothing is recorded). */
export const ignoredReports: ParserReports = { skip() {}, unchanged() {}, progress() {} };

/** A parser context from what the host knows about the source and where reports go. */
export function createParserContext<Options>(base: ParserContextBase<Options>, reports: ParserReports): ParserContext<Options> {
  return { ...base, ...reports };
}

/** Options accepted by the parser's schema, or the lines saying what is wrong (`options.KEY: message`). */
export type ParsedOptions<Options> = { ok: true; options: Options } | { ok: false; issues: string[] };

/** Validates a source's raw `options` table with the parser's schema. */
export function parseParserOptions<Options>(parser: Pick<Parser<Options>, 'optionsSchema'>, raw: unknown): ParsedOptions<Options> {
  const parsed = parser.optionsSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, options: parsed.data };
  return { ok: false, issues: formatOptionIssues(parsed.error.issues, parser.optionsSchema) };
}

/** The parts of a zod issue this formatter reads (zod 3 and 4 issues both have them). */
interface OptionIssue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/**
 * One line per problem, `PREFIX.KEY: message` (PREFIX `options` for a source, `embedder.options`
 * for the embedder). An unknown key reads `options.extension: unknown option (known: a, b)`;
 * a problem with the table itself (not a table at all) reads `options: message`.
 */
export function formatOptionIssues(issues: readonly OptionIssue[], schema?: unknown, prefix = 'options'): string[] {
  return issues.flatMap((issue) => {
    const at = [prefix, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      const known = schema === undefined ? [] : knownKeys(schema, issue.path);
      const hint = known.length ? ` (known: ${known.join(', ')})` : '';
      return issue.keys.map((key) => `${at}.${key}: unknown option${hint}`);
    }
    return [`${at}: ${issue.message}`];
  });
}

/** Keys a zod object schema accepts at a path, looking through defaults, optionals and pipes; [] when unknown. */
function knownKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema);
  for (const key of path) current = unwrap(shapeOf(current)?.[String(key)]);
  const shape = shapeOf(current);
  return shape ? Object.keys(shape).sort() : [];
}

interface ZodLike {
  _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown; shape?: Record<string, unknown> } };
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  const def = (schema as ZodLike | undefined)?._zod?.def;
  return def?.type === 'object' ? def.shape : undefined;
}

function unwrap(schema: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = (schema as ZodLike | undefined)?._zod?.def;
    if (!def) return schema;
    if (def.innerType !== undefined) schema = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) schema = def.in;
    else return schema;
  }
  return schema;
}
