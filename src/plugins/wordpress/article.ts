import * as cheerio from 'cheerio';
import type { HttpResponse } from '../../plugin-api.js';
import { pageText } from '../../plugin-api.js';
import { looksLikeHtml, looksLikePdf } from '../../plugin-api.js';
import { pageTitle, titleFromUrl } from '../../plugin-api.js';
import type { PdfToMarkdown } from './pdf-markdown.js';
import type { WordpressCommonOptions } from './wordpress-options.js';
import { errorMessage } from '../../plugin-api.js';

/** An article's text, or why there is none. */
export type ArticleText = { title: string; content: string; format: 'html' | 'pdf'; textChars: number } | { skip: string };

/**
 * Converts a fetched article. The bytes decide between PDF and HTML when the server's
 * Content-Type is wrong (a PDF served as `text/html`, an HTML page served as `application/pdf`).
 */
export async function articleText(
  res: HttpResponse,
  requestedUrl: string,
  options: WordpressCommonOptions,
  pdfToMarkdown: PdfToMarkdown,
  signal: AbortSignal,
): Promise<ArticleText> {
  const isPdf = looksLikePdf(res.body) || (res.contentType === 'application/pdf' && !looksLikeHtml(res.body));
  if (isPdf) {
    try {
      // A plain Uint8Array view: pdf.js refuses Buffers.
      const pdf = await pdfToMarkdown(new Uint8Array(res.body.buffer, res.body.byteOffset, res.body.byteLength), signal);
      if (!pdf.markdown.trim()) return { skip: 'PDF has no extractable text' };
      return { title: titleFromUrl(requestedUrl) || pdf.title?.trim() || 'Untitled', content: pdf.markdown.trim(), format: 'pdf', textChars: pdf.textChars };
    } catch (error) {
      return { skip: `unusable PDF: ${errorMessage(error)}` };
    }
  }
  if (!['text/html', 'application/xhtml+xml'].includes(res.contentType) && !looksLikeHtml(res.body)) {
    return { skip: `unsupported content type ${res.contentType || '(none)'}` };
  }
  const $ = cheerio.load(res.text());
  const title = pageTitle($, options.site_names) || titleFromUrl(requestedUrl) || 'Untitled';
  const { markdown: content, textChars } = pageText($, { pageUrl: res.url, contentSelectors: options.content_selectors, removeSelectors: options.remove_selectors });
  if (!content) return { skip: 'no content left after removing the page chrome' };
  return { title, content, format: 'html', textChars };
}
