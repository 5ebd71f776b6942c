import type { WebParser } from '../../plugin-api.js';
import { extractPdfMarkdown } from './pdf-markdown.js';
import type { PdfToMarkdown } from './pdf-markdown.js';
import { readWordpressSource } from './wordpress-source.js';
import { kbInfo, type KbOptions } from './kb-info.js';

export { kbOptionsSchema, type KbOptions } from './kb-info.js';

/** Builds the Knowledge Base parser with a given PDF extraction. */
export function createKbParser(pdfToMarkdown: PdfToMarkdown = extractPdfMarkdown): WebParser<KbOptions> {
  return {
    ...kbInfo,
    parse: (ctx) => {
      const pattern = new RegExp(ctx.options.article_pattern, 'i');
      return readWordpressSource(ctx, {
        breadcrumb: 'Knowledge Base',
        docType: '',
        sourceId: 'knowledge_base',
        pdfToMarkdown,
        isArticle: (url) => pattern.test(url.pathname),
      });
    },
  };
}

/** The `wordpress-kb` parser. */
export const wordpressKbParser = createKbParser();
