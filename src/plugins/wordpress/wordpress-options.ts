import { z } from 'zod';
import { politeOptions, type PoliteOptions } from '../../plugin-api.js';

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
    ...politeOptions({ rateLimitMs: 1000 }),
    max_pages: z.number().int().positive().optional().describe('Most pages to fetch in one run (index and sitemaps included).'),
    respect_robots: z.boolean().default(true).describe('Obey robots.txt.'),
  };
}

/** The options every WordPress parser has. */
export interface WordpressCommonOptions extends PoliteOptions {
  index_url: string;
  extra_hosts: string[];
  sitemaps: string[];
  content_selectors: string[];
  remove_selectors: string[];
  site_names: string[];
  max_pages?: number;
}

/** Media types an article may come as. */
export const ARTICLE_TYPES = ['text/html', 'application/xhtml+xml', 'application/pdf', 'application/octet-stream'];
