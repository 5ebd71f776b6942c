import { z } from 'zod';

/** Chrome of WordPress themes (and the Echo Knowledge Base plugin) removed before conversion. */
export const WORDPRESS_CHROME = [
  'nav', 'header', 'footer', '.site-header', '.site-footer', '.breadcrumb', '.breadcrumbs', '.sidebar', '.widget-area',
  '.comments-area', '.post-navigation', '.nav-links', '#secondary', '#comments', '.wp-block-separator', '.sharedaddy',
  '.share-buttons', '.screen-reader-text', '.skip-link', '[role="navigation"]', '[aria-hidden="true"]',
];

/** Site names stripped from the end of page titles. */
export const BASIS_SITE_NAMES = ['BASIS International Ltd', 'BASIS International', 'BASIS', 'Advantage'];

const selectorList = z.array(z.string().trim().min(1));

/** Options both WordPress parsers share; the defaults read the real basis.cloud. */
export function wordpressOptions(defaults: { indexUrl: string; extraHosts: string[]; sitemaps: string[]; content: string[]; remove: string[] }) {
  return {
    index_url: z.url({ protocol: /^https?$/ }).default(defaults.indexUrl).describe('The page that links to every article.'),
    extra_hosts: z.array(z.string().trim().min(1)).default(defaults.extraHosts).describe('Hosts besides the index\'s that articles may live on (old Advantage PDFs are on documentation.basis.cloud).'),
    sitemaps: z.array(z.string().trim().min(1)).default(defaults.sitemaps).describe('Sitemaps tried in order when the index page yields no article (paths resolve against the index URL).'),
    content_selectors: selectorList.min(1).default(defaults.content).describe('Content root: the first matching selector wins.'),
    remove_selectors: selectorList.default(defaults.remove).describe('Page chrome removed before conversion.'),
    site_names: z.array(z.string().trim().min(1)).default(BASIS_SITE_NAMES).describe('Site names stripped from titles.'),
    rate_limit_ms: z.number().int().min(0).default(1000).describe('Minimum milliseconds between the starts of two requests to one host.'),
    max_in_flight: z.number().int().min(1).max(16).default(2).describe('Requests in flight at once per host (each start still waits for `rate_limit_ms`).'),
    timeout_ms: z.number().int().min(100).max(600_000).default(30_000).describe('Milliseconds one attempt at a page may take before it counts as timed out.'),
    max_attempts: z.number().int().min(1).max(10).default(4).describe('Attempts per page for timeouts, network errors, 429 and 5xx (backoff between them).'),
    max_pages: z.number().int().positive().optional().describe('Most pages to fetch in one run (index and sitemaps included).'),
    respect_robots: z.boolean().default(true).describe('Obey robots.txt.'),
  };
}

/** The options every WordPress parser has. */
export interface WordpressCommonOptions {
  index_url: string;
  extra_hosts: string[];
  sitemaps: string[];
  content_selectors: string[];
  remove_selectors: string[];
  site_names: string[];
  rate_limit_ms: number;
  max_in_flight: number;
  timeout_ms: number;
  max_attempts: number;
  max_pages?: number;
  respect_robots: boolean;
}

/** Media types an article may come as. */
export const ARTICLE_TYPES = ['text/html', 'application/xhtml+xml', 'application/pdf', 'application/octet-stream'];
