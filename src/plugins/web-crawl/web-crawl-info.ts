import type { HttpSourceSettings, ParserInfo, WebParser } from '../../plugin-api.js';
import { politeHttpSettings } from '../../plugin-api.js';
import { crawlRoot, webCrawlOptionsSchema, type WebCrawlOptions } from './crawl-options.js';

/** Content types of pages. */
export const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
// Help-system file, TOC, its chunks, robots sitemaps and their indexes: requests besides pages.
const LISTING_BUDGET = 200;

/** Client settings of a crawl: the base URL's host and directory, the configured rate limit, concurrency, timeout and page cap. */
export function webCrawlHttpSettings(options: WebCrawlOptions): HttpSourceSettings {
  const root = crawlRoot(options.base_url);
  return {
    scope: { hosts: [root.host], pathPrefix: root.pathname },
    ...politeHttpSettings(options),
    allowedContentTypes: HTML_TYPES,
    // Each page may cost a second request when it is unchanged and its links are needed.
    maxPages: (options.relink_unchanged ? options.max_pages * 2 : options.max_pages) + LISTING_BUDGET,
  };
}

/** What the registry knows of the `web-crawl` parser without loading it (its implementation: web-crawl-parser.ts). */
export const webCrawlInfo: ParserInfo<WebCrawlOptions> & Pick<WebParser<WebCrawlOptions>, 'http'> = {
  type: 'web-crawl',
  description: 'Crawl of a published help site: Flare WebHelp TOC, sitemaps and links (MadCap Flare HTML5 WebHelp by default)',
  optionsSchema: webCrawlOptionsSchema,
  requiresPaths: false,
  http: webCrawlHttpSettings,
};
