import { z } from 'zod';
import type { WebParser } from '../../plugin-api.js';
import { extractPdfMarkdown } from './pdf-markdown.js';
import type { PdfToMarkdown } from './pdf-markdown.js';
import { wordpressHttpSettings } from './wordpress-http.js';
import { WORDPRESS_CHROME, wordpressOptions } from './wordpress-options.js';
import { readWordpressSource } from './wordpress-source.js';

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

/** Builds the Advantage parser with a given PDF extraction (tests and other hosts may swap it). */
export function createAdvantageParser(pdfToMarkdown: PdfToMarkdown = extractPdfMarkdown): WebParser<AdvantageOptions> {
  return {
    type: 'wordpress-advantage',
    description: 'BASIS Advantage magazine articles (WordPress pages and PDFs) discovered from an index page or sitemap',
    optionsSchema: advantageOptionsSchema,
    requiresPaths: false,
    http: (options) => wordpressHttpSettings(options),
    parse: (ctx) => {
      const path = ctx.options.article_path.toLowerCase();
      return readWordpressSource(ctx, {
        breadcrumb: 'Advantage Magazine',
        docType: 'article',
        sourceId: 'advantage',
        pdfToMarkdown,
        isArticle: (url) => url.pathname.toLowerCase().includes(path),
      });
    },
  };
}

/** The `wordpress-advantage` parser. */
export const wordpressAdvantageParser = createAdvantageParser();
