import type { Parser } from '../../core/contracts/parser.js';
import type { HttpClientSettings } from '../../core/http/http-settings.js';

/**
 * A parser that reads over HTTP. Its scope (hosts, path prefix), rate limit and page cap
 * depend on its options, so the host builds the source's client from `httpSettings(options)`
 * merged over the defaults.
 */
export interface WebParser<Options = unknown> extends Parser<Options> {
  /** Client settings this source needs, merged by the host over `defaultHttpSettings`. */
  httpSettings(options: Options): Partial<HttpClientSettings> & Pick<HttpClientSettings, 'scope'>;
}
