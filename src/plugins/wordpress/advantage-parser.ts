import type { WebParser } from '../../plugin-api.js';
import { extractPdfMarkdown } from './pdf-markdown.js';
import type { PdfToMarkdown } from './pdf-markdown.js';
import { readWordpressSource } from './wordpress-source.js';
import { advantageInfo, type AdvantageOptions } from './advantage-info.js';

export { advantageOptionsSchema, type AdvantageOptions } from './advantage-info.js';

/** Builds the Advantage parser with a given PDF extraction (tests and other hosts may swap it). */
export function createAdvantageParser(pdfToMarkdown: PdfToMarkdown = extractPdfMarkdown): WebParser<AdvantageOptions> {
  return {
    ...advantageInfo,
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
