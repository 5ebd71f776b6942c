import * as cheerio from 'cheerio';
import createDebug from 'debug';
import { isHttpFailure } from '../../core/contracts/http.js';
import type { HttpSourceSettings } from '../../core/contracts/http.js';
import type { DocumentInput } from '../../core/contracts/document.js';
import type { ParserContext } from '../../core/contracts/parser.js';
import { looksLikePdf, validatorsOf } from '../web-common/fetch-page.js';
import { extractLinks } from '../web-common/links.js';
import type { WebParser } from '../web-common/web-parser.js';
import { CrawlFrontier } from './crawl-frontier.js';
import { crawlRoot, webCrawlOptionsSchema } from './crawl-options.js';
import type { WebCrawlOptions } from './crawl-options.js';
import { crawledDocument } from './crawl-page.js';

const debug = createDebug('bbj:web-crawl');
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/** Client settings of a crawl: the base URL's host and directory, the configured rate limit and page cap. */
export function webCrawlHttpSettings(options: WebCrawlOptions): HttpSourceSettings {
  const root = crawlRoot(options.base_url);
  return {
    scope: { hosts: [root.host], pathPrefix: root.pathname },
    perHostIntervalMs: options.rate_limit_ms,
    perHostConcurrency: 1,
    respectRobots: options.respect_robots,
    allowedContentTypes: HTML_TYPES,
    // Each page may cost a second request when it is unchanged and its links are needed.
    maxPages: options.relink_unchanged ? options.max_pages * 2 : options.max_pages,
  };
}

/**
 * Breadth-first crawl of a published help site. Each page is fetched conditionally: a 304
 * is reported unchanged and the crawl follows the links stored with the page last time
 * (only when the store has none and `relink_unchanged` is set is the page fetched again);
 * failures are skipped with their reason and the crawl goes on.
 */
async function* crawl(ctx: ParserContext<WebCrawlOptions>): AsyncGenerator<DocumentInput> {
  const { options } = ctx;
  const frontier = new CrawlFrontier(options);
  let fetched = 0;
  for (let page = frontier.next(); page; page = frontier.next()) {
    if (ctx.signal.aborted) return;
    if (fetched >= options.max_pages) {
      ctx.skip(options.base_url, `max_pages (${options.max_pages}) reached with ${frontier.pending + 1} pages not fetched`);
      return;
    }
    fetched++;
    ctx.progress({ done: fetched - 1, total: frontier.discovered, message: page.url });
    debug('fetching %s (depth %d)', page.url, page.depth);
    let res = await ctx.http.get(page.url, { conditional: true, accept: HTML_TYPES, signal: ctx.signal });
    if (isHttpFailure(res)) {
      ctx.skip(page.url, res.reason);
      continue;
    }
    const unchanged = res.status === 304;
    if (unchanged) {
      ctx.unchanged(page.url);
      // The links the page had when it was stored keep the crawl going without downloading it again.
      const links = storedLinks(await ctx.stored?.(page.url));
      if (links) {
        // As on the first run, the redirect target counts as crawled (else it would come back as a new page).
        if (frontier.canonical(res.url) !== page.url) frontier.markSeen(res.url);
        for (const link of links) frontier.offer(link, page.depth + 1);
        continue;
      }
      if (!options.relink_unchanged) continue;
      res = await ctx.http.get(page.url, { accept: HTML_TYPES, signal: ctx.signal });
      if (isHttpFailure(res)) continue;
    }
    // A redirect to a page already crawled under its own URL would be a duplicate document.
    if (frontier.canonical(res.url) !== page.url && !frontier.markSeen(res.url)) {
      debug('%s redirects to the already crawled %s', page.url, res.url);
      continue;
    }
    if (looksLikePdf(res.body)) {
      if (!unchanged) ctx.skip(page.url, `a PDF served as ${res.contentType}; the crawl reads HTML pages only`);
      continue;
    }
    const $ = cheerio.load(res.text());
    const links = extractLinks($, res.url);
    for (const link of links) frontier.offer(link, page.depth + 1);
    if (unchanged) continue;
    const doc = crawledDocument($, page.url, res.url, page.depth, options, validatorsOf(res));
    if (doc) yield { ...doc, parserState: { links } };
    else ctx.skip(page.url, 'no content left after removing the page chrome');
  }
  ctx.progress({ done: fetched, total: fetched });
}

/** Links saved with a page at the last run, when the store kept them. */
function storedLinks(stored: { parserState?: unknown } | undefined): string[] | undefined {
  const links = (stored?.parserState as { links?: unknown } | undefined)?.links;
  return Array.isArray(links) && links.every((l) => typeof l === 'string') ? links : undefined;
}

/** The `web-crawl` parser. */
export const webCrawlParser: WebParser<WebCrawlOptions> = {
  type: 'web-crawl',
  description: 'Breadth-first crawl of a published help site (MadCap Flare HTML5 WebHelp by default)',
  optionsSchema: webCrawlOptionsSchema,
  requiresPaths: false,
  http: webCrawlHttpSettings,
  parse: crawl,
};
