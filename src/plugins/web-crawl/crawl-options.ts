import { z } from 'zod';
import { politeOptions } from '../../plugin-api.js';

/** Chrome of MadCap Flare HTML5 WebHelp (side navigation, title bar with search, breadcrumbs, topic toolbar). */
export const FLARE_WEBHELP_CHROME = [
  'nav', 'header', 'footer', 'aside', '.sidenav', '.sidenav-wrapper', '.sidenav-container', '.side-content', '.nav-wrapper',
  '.title-bar', '.title-bar-container', '.tab-bar', '.off-canvas', '.search-bar', '.search-bar-container', '.search-container',
  '#search-container', '#search-bar', '.breadcrumbs', '.breadcrumb', '[class*="MCBreadcrumbsBox"]', '.topic-navigation',
  '#navigation', '.previous-next-buttons', '.topic-footer', '.skip-to-content', '.menu-container', '.nocontent',
  '.MCWebHelpFramesetLink', '.topicToolbarProxy', '.buttons.popup-container', '[role="navigation"]',
];

/** Options of `web-crawl`; defaults crawl the published BASIS help. */
export const webCrawlOptionsSchema = z
  .object({
    base_url: z.url({ protocol: /^https?$/ }).default('https://documentation.basis.cloud/BASISHelp/WebHelp/').describe('Where the crawl starts; its directory is the crawl\'s scope.'),
    max_pages: z.number().int().positive().default(20_000).describe('Most pages fetched in one run.'),
    max_depth: z.number().int().min(0).default(25).describe('Most link hops from the base URL.'),
    ...politeOptions({ rateLimitMs: 500 }),
    help_system: z.boolean().default(true).describe('Read the Flare help-system file and its TOC when the start page declares one (pages in the TOC get its breadcrumb).'),
    sitemaps: z.boolean().default(true).describe('Read robots.txt `Sitemap:` lines and `sitemap.xml` / `Sitemap.xml` in the base directory.'),
    page_extensions: z.array(z.string().trim().min(1)).default(['.htm', '.html']).describe('Link path endings that are pages (directory links ending in `/` are always followed).'),
    ignore_query_params: z.array(z.string().trim().min(1)).default(['TocPath', 'Highlight', 'utm_*', 'fbclid', 'gclid', 'msclkid']).describe('Query parameters that do not change the page (`*` suffix = prefix); the others stay in the canonical URL.'),
    content_selectors: z
      .array(z.string().trim().min(1))
      .min(1)
      .default(['[data-mc-content-body]', '.body-container', '.topic-content', '#mc-main-content', '#body', 'main', 'article', '[role="main"]']).describe('Content root: the first matching selector wins.'),
    remove_selectors: z.array(z.string().trim().min(1)).default(FLARE_WEBHELP_CHROME).describe('Page chrome removed before conversion.'),
    site_names: z.array(z.string().trim().min(1)).default(['BASISHelp', 'BASIS Help', 'WebHelp']).describe('Site names stripped from titles.'),
    respect_robots: z.boolean().default(true).describe('Obey robots.txt.'),
    relink_unchanged: z.boolean().default(true).describe('After a 304, fetch the page once more without validators to follow its links (else the crawl stops there).'),
  })
  .strict();

/** Validated `web-crawl` options. */
export type WebCrawlOptions = z.output<typeof webCrawlOptionsSchema>;

/** The directory of the base URL: the crawl's path prefix (`/BASISHelp/WebHelp/`). */
export function crawlRoot(baseUrl: string): URL {
  const root = new URL(baseUrl);
  root.hash = '';
  root.search = '';
  root.pathname = root.pathname.replace(/[^/]*$/, '');
  return root;
}
