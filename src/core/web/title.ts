import type { CheerioAPI } from 'cheerio';

/**
 * Removes trailing site names from a page title, however they are separated (`-`, `–`, `—`,
 * `|`, `·`, `:`), repeatedly and case-insensitively: `Intro – BASIS International Ltd` -> `Intro`.
 */
export function stripSiteNames(title: string, siteNames: string[]): string {
  let result = title.replace(/\s+/g, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of siteNames) {
      const pattern = new RegExp(`\\s*[-–—|·:]\\s*${escapeRegExp(name.trim())}\\.?$`, 'i');
      const stripped = result.replace(pattern, '').trim();
      if (stripped && stripped !== result) {
        result = stripped;
        changed = true;
      }
    }
  }
  return result;
}

/** Title of a page: `<title>` without site names, else `og:title`, else the first `h1`; read before chrome removal. */
export function pageTitle($: CheerioAPI, siteNames: string[]): string {
  const candidates = [$('title').first().text(), $('meta[property="og:title"]').attr('content') ?? '', $('h1').first().text()];
  for (const candidate of candidates) {
    const title = stripSiteNames(candidate, siteNames);
    if (title) return title;
  }
  return '';
}

/** Title from a URL's last path segment: extension dropped, `_`/`-` to spaces, camel case split (`BBJSPCommandFramework.pdf` -> `BBJSP Command Framework`). */
export function titleFromUrl(url: string): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const last = decodeURIComponent(segments.at(-1) ?? '').replace(/\.[a-z0-9]+$/i, '');
  return last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
