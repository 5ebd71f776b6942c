import type { Parser } from './contracts/parser.js';

/** What the registry, `bbj parsers` and config checks need of a parser: everything but its steps. */
export type ParserInfo<O = unknown> = Pick<Parser<O>, 'type' | 'description' | 'optionsSchema' | 'requiresPaths' | 'version' | 'http'>;

/** A parser that can load its implementation ahead of its first use (a parse thread does, while the run's preflight goes on). */
export interface Preloadable {
  preload(): Promise<void>;
}

/** Loads a parser's implementation now when it is loaded lazily; nothing otherwise. */
export async function preloadParser(parser: Parser | undefined): Promise<void> {
  const preload = (parser as Partial<Preloadable> | undefined)?.preload;
  if (typeof preload === 'function') await preload();
}

/** Which optional steps the parser's implementation has. */
export interface ParserSteps {
  validate: boolean;
  detect: boolean;
}

/**
 * A parser whose implementation (and its heavy dependencies: PDF, HTML and MDX libraries) is
 * imported on first use of a step, not when the registry is built: every CLI start lists all
 * parsers, while a run uses only the ones its sources name. `info` comes from a module that
 * imports no more than the options schema; the implementation module spreads the same `info`,
 * so the two cannot disagree (a test compares them).
 */
export function lazyParser<O>(info: ParserInfo<O>, steps: ParserSteps, load: () => Promise<Parser<O>>): Parser<O> & Preloadable {
  let loading: Promise<Parser<O>> | undefined;
  const implementation = (): Promise<Parser<O>> => (loading ??= load());
  const parser: Parser<O> & Preloadable = {
    ...info,
    preload: async () => void (await implementation()),
    async *parse(ctx) {
      yield* (await implementation()).parse(ctx);
    },
  };
  if (steps.validate) parser.validate = async (ctx) => (await implementation()).validate?.(ctx) ?? [];
  if (steps.detect) parser.detect = async (scan) => (await implementation()).detect?.(scan) ?? [];
  return parser;
}
