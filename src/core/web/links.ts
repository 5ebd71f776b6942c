import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

/** Absolute URL of every `a[href]` on the page or `within` it (fragments dropped, duplicates removed), in document order. */
export function extractLinks($: CheerioAPI, pageUrl: string, within?: Cheerio<AnyNode>): string[] {
  const baseHref = $('base[href]').attr('href');
  let base = pageUrl;
  try {
    if (baseHref) base = new URL(baseHref, pageUrl).href;
  } catch {
    // A broken <base> is ignored, as browsers do.
  }
  const found = new Set<string>();
  (within ? within.find('a[href]') : $('a[href]')).each((_, el) => {
    const href = ($(el).attr('href') ?? '').trim();
    if (!href || href.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(href)) return;
    try {
      const url = new URL(href, base);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
      url.hash = '';
      found.add(url.href);
    } catch {
      // Unparseable hrefs are not links.
    }
  });
  return [...found];
}

/**
 * The canonical form of a page URL: fragment dropped, ignored query parameters removed
 * (`*` at the end of a name matches a prefix, case-insensitive), the rest sorted so that
 * the same page is visited once. Meaningful parameters are kept.
 */
export function canonicalUrl(url: string | URL, ignoredParams: string[] = []): string {
  const u = new URL(url);
  u.hash = '';
  const ignored = ignoredParams.map((p) => p.toLowerCase());
  const isIgnored = (name: string): boolean =>
    ignored.some((p) => (p.endsWith('*') ? name.toLowerCase().startsWith(p.slice(0, -1)) : name.toLowerCase() === p));
  const kept = [...u.searchParams.entries()].filter(([name]) => !isIgnored(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';
  return u.href;
}

/** Path of `url` relative to `base` when `url` lies under it, else undefined (`a/b.htm`). */
export function pathUnder(url: string, base: string): string | undefined {
  const u = new URL(url);
  const b = new URL(base);
  if (u.origin !== b.origin || !u.pathname.startsWith(b.pathname)) return undefined;
  return decodeURIComponent(u.pathname.slice(b.pathname.length));
}
