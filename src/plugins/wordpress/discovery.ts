import * as cheerio from 'cheerio';
import { isHttpFailure } from '../../plugin-api.js';
import type { ParserContext } from '../../plugin-api.js';
import { isInScope } from '../../plugin-api.js';
import type { Completeness } from '../../plugin-api.js';
import { extractLinks } from '../../plugin-api.js';
import { readSitemapPages } from '../../plugin-api.js';
import type { WordpressCommonOptions } from './wordpress-options.js';

/** How a parser recognises its articles among all links. */
export interface DiscoveryRules {
  /** True for an article URL (the index itself is excluded separately). */
  isArticle(url: URL): boolean;
}

/**
 * Article URLs of a WordPress source: the links of the index page (resolved against the
 * page's URL), else those of the first sitemap that has any (sitemap indexes followed).
 * Articles on hosts outside the source's scope are reported as skipped, never fetched.
 * An index or sitemap that answers 5xx or times out makes the run incomplete (the list may
 * lack articles). Returns a sorted, de-duplicated list.
 */
export async function discoverArticles(ctx: ParserContext<WordpressCommonOptions>, rules: DiscoveryRules, completeness: Completeness): Promise<string[]> {
  const { options } = ctx;
  const fromIndex = await indexLinks(ctx, completeness);
  const select = (links: string[]): string[] => selectArticles(ctx, links, rules);
  let articles = select(fromIndex);
  ctx.log.info(`found ${articles.length} article links on ${options.index_url}`);
  for (const sitemap of articles.length === 0 ? options.sitemaps : []) {
    const url = new URL(sitemap, options.index_url).href;
    const pages = await readSitemapPages(ctx.http, url, ctx.log, ctx.signal, 3, (failure, depth) => {
      // A sitemap that is simply absent is one of several guesses; one that fails or that an index names is a listing lost.
      if (failure.transient || depth > 0) completeness.listingFailed('sitemap', failure);
    });
    articles = select(pages);
    ctx.log.info(`found ${articles.length} article links in ${url}`);
    if (articles.length > 0) break;
  }
  return articles;
}

async function indexLinks(ctx: ParserContext<WordpressCommonOptions>, completeness: Completeness): Promise<string[]> {
  const res = await ctx.http.get(ctx.options.index_url, { signal: ctx.signal, accept: ['text/html', 'application/xhtml+xml'] });
  if (isHttpFailure(res)) {
    ctx.log.warn(`index ${ctx.options.index_url} not readable (${res.reason}); trying the sitemaps`);
    if (res.transient) completeness.cut('index', `the index ${ctx.options.index_url} could not be read (${res.reason}); the sitemaps may list other articles`);
    return [];
  }
  // Links of the content area first: theme menus and "recent posts" widgets are not the index.
  const $ = cheerio.load(res.text());
  $(ctx.options.remove_selectors.join(', ')).remove();
  const root = ctx.options.content_selectors.map((s) => $(s).first()).find((m) => m.length > 0);
  if (!root) return extractLinks($, res.url);
  return extractLinks($, res.url, root);
}

function selectArticles(ctx: ParserContext<WordpressCommonOptions>, links: string[], rules: DiscoveryRules): string[] {
  const index = withoutTrailingSlash(ctx.options.index_url);
  const hosts = [new URL(ctx.options.index_url).host, ...ctx.options.extra_hosts];
  const found = new Set<string>();
  for (const link of links) {
    const url = new URL(link);
    url.hash = '';
    if (withoutTrailingSlash(url.href) === index || !rules.isArticle(url)) continue;
    if (!isInScope(url, { hosts })) {
      ctx.skip(url.href, `article on a host outside the source's scope (${hosts.join(', ')}); add it to extra_hosts to read it`);
      continue;
    }
    found.add(url.href);
  }
  return [...found].sort();
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
