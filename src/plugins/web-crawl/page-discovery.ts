import createDebug from 'debug';
import type { ParserContext } from '../../plugin-api.js';
import type { Completeness } from '../../plugin-api.js';
import { readSitemapPages } from '../../plugin-api.js';
import type { CrawlFrontier } from './crawl-frontier.js';
import type { WebCrawlOptions } from './crawl-options.js';
import { crawlRoot } from './crawl-options.js';
import type { HelpSystemRef } from './flare-help-system.js';
import { readHelpSystem } from './flare-help-system.js';

const debug = createDebug('bbj:web-crawl:discovery');

/**
 * Queues the pages of a Flare help system's TOC, in navigation order, and remembers each
 * page's TOC path (first placement wins). A listing that cannot be read makes the run
 * incomplete: the pages it would have named are unknown.
 */
export async function queueTocPages(
  ctx: ParserContext<WebCrawlOptions>,
  ref: HelpSystemRef,
  frontier: CrawlFrontier,
  breadcrumbs: Map<string, string[]>,
  completeness: Completeness,
): Promise<void> {
  if (!frontier.inScope(new URL(ref.file))) {
    ctx.log.warn(`the help-system file ${ref.file} lies outside the crawl root ${crawlRoot(ctx.options.base_url).href}; its TOC is not read (start the crawl at the output root)`);
    return;
  }
  const { pages, failures } = await readHelpSystem(ctx.http, ref, ctx.signal);
  for (const { what, failure } of failures) completeness.listingFailed(what, failure);
  let queued = 0;
  for (const page of pages) {
    const canonical = frontier.canonical(page.url);
    if (!breadcrumbs.has(canonical)) breadcrumbs.set(canonical, page.breadcrumb);
    if (frontier.offer(page.url, 1)) queued++;
  }
  ctx.log.info(`${ref.file}: ${pages.length} TOC entries, ${queued} new pages queued`);
  debug('TOC of %s: %d entries, %d queued', ref.file, pages.length, queued);
}

/**
 * Queues the pages sitemaps list: the `Sitemap:` lines of robots.txt, then `sitemap.xml`
 * (or, when there is none, `Sitemap.xml`) in the crawl root. A sitemap robots.txt names that
 * is missing is only logged; one that answers 5xx or times out makes the run incomplete, as
 * does any sitemap a sitemap index names.
 */
export async function queueSitemapPages(ctx: ParserContext<WebCrawlOptions>, frontier: CrawlFrontier, completeness: Completeness): Promise<void> {
  const root = crawlRoot(ctx.options.base_url);
  const declared = (await ctx.http.sitemaps?.(root.href)) ?? [];
  const candidates = [...declared.map((url) => ({ url, declared: true })), ...['sitemap.xml', 'Sitemap.xml'].map((name) => ({ url: new URL(name, root).href, declared: false }))];
  const read = new Set<string>();
  let probeFound = false;
  for (const { url, declared: fromRobots } of candidates) {
    if (read.has(url) || (!fromRobots && probeFound)) continue;
    read.add(url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (!frontier.inScope(parsed)) {
      debug('sitemap %s is outside the crawl root; not read', url);
      continue;
    }
    let found = true;
    const pages = await readSitemapPages(ctx.http, url, ctx.log, ctx.signal, 3, (failure, depth) => {
      if (depth === 0) found = false;
      if (failure.transient || depth > 0) completeness.listingFailed('sitemap', failure);
      else if (fromRobots) ctx.log.warn(`sitemap ${failure.url} named by robots.txt is not readable (${failure.reason})`);
    });
    if (found && !fromRobots) probeFound = true;
    let queued = 0;
    for (const page of pages) if (frontier.offer(page, 1)) queued++;
    if (found) ctx.log.info(`${url}: ${pages.length} pages listed, ${queued} new pages queued`);
  }
}
