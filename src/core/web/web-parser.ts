import type { HttpSourceSettings } from '../contracts/http.js';
import type { Parser } from '../contracts/parser.js';

/**
 * A parser that reads over HTTP. Its scope (hosts, path prefix), rate limit and page cap
 * depend on its options, so `http` is required: the host builds the source's client from it.
 */
export interface WebParser<Options = unknown> extends Parser<Options> {
  /** Client settings of a source with these options (scope, rate limit, page cap). */
  http(options: Options): HttpSourceSettings;
}
