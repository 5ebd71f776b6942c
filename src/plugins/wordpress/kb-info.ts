import { z } from 'zod';
import type { ParserInfo, WebParser } from '../../plugin-api.js';
import { wordpressHttpSettings } from './wordpress-http.js';
import { WORDPRESS_CHROME, wordpressOptions } from './wordpress-options.js';
// Echo Knowledge Base lays an article out as a grid: category navigation left, article centre,
// table of contents right, with a toolbar and a rating/prev-next footer around the body.
const ECKB_CHROME = [
  '#eckb-article-left-sidebar', '#eckb-article-right-sidebar', '.eckb-article-left-sidebar', '.eckb-article-right-sidebar',
  '#eckb-article-content-header', '#eckb-article-content-header-v2', '#eckb-article-content-footer', '.eckb-article-content-footer',
  '.eckb-breadcrumb', '.eckb-navigation-back', '.eckb-print-button-container', '.eckb-article-toc', '#eckb-article-toc',
  '.eckb-ratings-container', '.eckb-article-content-toolbar-container', '#eckb-article-footer', '.epkb-article-navigation-container',
];

/** Options of `wordpress-kb`. */
export const kbOptionsSchema = z
  .object({
    ...wordpressOptions({
      indexUrl: 'https://basis.cloud/knowledge-base/',
      extraHosts: [],
      sitemaps: ['/kb-sitemap.xml', '/sitemap_index.xml', '/sitemap.xml', '/wp-sitemap.xml'],
      content: ['#eckb-article-content-body', '#eckb-article-body', '.eckb-article-content-body', 'article .entry-content', 'article', 'main'],
      remove: [...WORDPRESS_CHROME, ...ECKB_CHROME],
    }),
    article_pattern: z
      .string()
      .default('/knowledge-base/kb\\d+')
      .refine((p) => isRegExp(p), 'article_pattern must be a valid regular expression').describe('Regular expression (case-insensitive) an article URL\'s path matches.'),
  })
  .strict();

/** Validated `wordpress-kb` options. */
export type KbOptions = z.output<typeof kbOptionsSchema>;

/** What the registry knows of the `wordpress-kb` parser without loading it (its implementation: kb-parser.ts). */
export const kbInfo: ParserInfo<KbOptions> & Pick<WebParser<KbOptions>, 'http'> = {
  type: 'wordpress-kb',
  description: 'BASIS Knowledge Base articles (Echo Knowledge Base on WordPress) discovered from the index page or sitemap',
  optionsSchema: kbOptionsSchema,
  requiresPaths: false,
  http: (options) => wordpressHttpSettings(options),
};

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}
