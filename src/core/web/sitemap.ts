import { isTag } from 'domhandler';
import type { HttpClient, HttpFailure } from '../contracts/http.js';
import { isHttpFailure } from '../contracts/http.js';
import type { Logger } from '../contracts/logger.js';
import { cheerio } from './lazy-modules.js';

/** Media types sitemaps are served with. */
export const SITEMAP_TYPES = ['application/xml', 'text/xml', 'application/rss+xml', 'text/plain'];

/** What a sitemap holds: page URLs, or (for a sitemap index) more sitemaps. */
export interface SitemapEntries {
  /** `urlset > url > loc` values. */
  pages: string[];
  /** `sitemapindex > sitemap > loc` values. */
  sitemaps: string[];
}

/** Reads the `loc` values of a sitemap or sitemap index (namespace prefixes tolerated). */
export function parseSitemap(xml: string): SitemapEntries {
  const $ = cheerio().load(xml, { xml: true });
  const locs = (parent: string): string[] =>
    $('*')
      .filter((_, el) => isTag(el) && localName(el.tagName) === parent)
      .children()
      .filter((_, el) => isTag(el) && localName(el.tagName) === 'loc')
      .map((_, el) => $(el).text().trim())
      .get()
      .filter(Boolean);
  return { pages: locs('url'), sitemaps: locs('sitemap') };
}

/**
 * Page URLs of a sitemap, following sitemap indexes (each sitemap read once, nesting bounded).
 * Unreachable sitemaps are logged and contribute nothing; `onFailure` hears of each (with the
 * nesting depth: 0 for `url` itself, more for sitemaps an index named), so a caller can tell an
 * absent optional sitemap from a listing it could not read.
 */
export async function readSitemapPages(
  http: HttpClient,
  url: string,
  log: Logger,
  signal?: AbortSignal,
  maxDepth = 3,
  onFailure?: (failure: HttpFailure, depth: number) => void,
): Promise<string[]> {
  const seen = new Set<string>();
  const pages: string[] = [];
  const visit = async (sitemapUrl: string, depth: number): Promise<void> => {
    if (seen.has(sitemapUrl) || depth > maxDepth) return;
    seen.add(sitemapUrl);
    const res = await http.get(sitemapUrl, { accept: SITEMAP_TYPES, signal });
    if (isHttpFailure(res)) {
      log.debug(`sitemap ${sitemapUrl}: ${res.reason}`);
      onFailure?.(res, depth);
      return;
    }
    const entries = parseSitemap(res.text());
    pages.push(...entries.pages);
    for (const child of entries.sitemaps) {
      try {
        await visit(new URL(child, sitemapUrl).href, depth + 1);
      } catch {
        // A `loc` that is no URL names nothing to read.
      }
    }
  };
  await visit(url, 0);
  return pages;
}

function localName(tag: string): string {
  return tag.slice(tag.indexOf(':') + 1).toLowerCase();
}
