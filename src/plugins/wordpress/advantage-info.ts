import { z } from 'zod';
import type { ParserInfo, WebParser } from '../../plugin-api.js';
import { wordpressHttpSettings } from './wordpress-http.js';
import { WORDPRESS_CHROME, wordpressOptions } from './wordpress-options.js';

/** Options of `wordpress-advantage`. */
export const advantageOptionsSchema = z
  .object({
    ...wordpressOptions({
      indexUrl: 'https://basis.cloud/advantage-index/',
      extraHosts: ['documentation.basis.cloud'],
      sitemaps: ['/post-sitemap.xml', '/sitemap_index.xml', '/sitemap.xml', '/wp-sitemap.xml'],
      content: ['.entry-content', 'article .post-content', 'article', '[role="main"]', 'main'],
      remove: WORDPRESS_CHROME,
    }),
    article_path: z.string().trim().min(1).default('/advantage/').describe('Text an article URL\'s path contains.'),
  })
  .strict();

/** Validated `wordpress-advantage` options. */
export type AdvantageOptions = z.output<typeof advantageOptionsSchema>;

/** What the registry knows of the `wordpress-advantage` parser without loading it (its implementation: advantage-parser.ts). */
export const advantageInfo: ParserInfo<AdvantageOptions> & Pick<WebParser<AdvantageOptions>, 'http'> = {
  type: 'wordpress-advantage',
  description: 'BASIS Advantage magazine articles (WordPress pages and PDFs) discovered from an index page or sitemap',
  optionsSchema: advantageOptionsSchema,
  requiresPaths: false,
  http: (options) => wordpressHttpSettings(options),
};
