import createDebug from 'debug';
import type { DocumentInput } from '../../core/contracts/document.js';
import type { ParserContext } from '../../core/contracts/parser.js';
import { fetchForParse, validatorsOf } from '../web-common/fetch-page.js';
import { articleText } from './article.js';
import type { DiscoveryRules } from './discovery.js';
import { discoverArticles } from './discovery.js';
import type { PdfToMarkdown } from './pdf-markdown.js';
import { ARTICLE_TYPES } from './wordpress-options.js';
import type { WordpressCommonOptions } from './wordpress-options.js';

const debug = createDebug('bbj:wordpress');

/** What distinguishes one WordPress source type from another. */
export interface WordpressSourceKind extends DiscoveryRules {
  /** Breadcrumb of every document (`Advantage Magazine`). */
  breadcrumb: string;
  /** `docType` of every document ('' lets enrichment classify). */
  docType: string;
  /** `metadata.source` value. */
  sourceId: string;
  /** PDF extraction. */
  pdfToMarkdown: PdfToMarkdown;
}

/**
 * Reads a WordPress source: discovers articles, fetches each conditionally (a 304 is reported
 * as unchanged, a failure as skipped) and yields one document per article, keyed by its URL.
 */
export async function* readWordpressSource(ctx: ParserContext<WordpressCommonOptions>, kind: WordpressSourceKind): AsyncGenerator<DocumentInput> {
  const urls = await discoverArticles(ctx, kind);
  if (urls.length === 0) {
    ctx.skip(ctx.options.index_url, 'no article links found on the index page or in the sitemaps');
    return;
  }
  for (const [i, url] of urls.entries()) {
    if (ctx.signal.aborted) return;
    ctx.progress({ done: i, total: urls.length, message: url });
    debug('fetching %d/%d %s', i + 1, urls.length, url);
    const res = await fetchForParse(ctx, url, url, ARTICLE_TYPES);
    if (!res) continue;
    const text = await articleText(res, url, ctx.options, kind.pdfToMarkdown, ctx.signal);
    if ('skip' in text) {
      ctx.skip(url, text.skip);
      continue;
    }
    const metadata: Record<string, string> = { source: kind.sourceId, format: text.format };
    if (res.url !== url) metadata.final_url = res.url;
    const validators = validatorsOf(res);
    yield {
      key: url,
      sourceUrl: url,
      title: text.title,
      content: text.content,
      docType: kind.docType,
      breadcrumb: [kind.breadcrumb],
      displayUrl: url,
      ...(validators ? { httpValidators: validators } : {}),
      metadata,
    };
  }
  ctx.progress({ done: urls.length, total: urls.length });
}
