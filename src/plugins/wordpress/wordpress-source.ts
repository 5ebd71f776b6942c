import createDebug from 'debug';
import type { DocumentInput } from '../../plugin-api.js';
import type { ParserContext } from '../../plugin-api.js';
import { isHttpFailure } from '../../plugin-api.js';
import { Completeness } from '../../plugin-api.js';
import { validatorsOf } from '../../plugin-api.js';
import { inParallel } from '../../plugin-api.js';
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
 * Reads a WordPress source: discovers articles, fetches them conditionally, `max_in_flight`
 * per host at a time (a 304 is reported unchanged; a 404 or 410 gone; a 5xx, timeout or the
 * page limit makes the run incomplete, so stored articles not seen are kept) and yields one
 * document per article, keyed by its URL, in the order of the article list.
 */
export async function* readWordpressSource(ctx: ParserContext<WordpressCommonOptions>, kind: WordpressSourceKind): AsyncGenerator<DocumentInput> {
  const completeness = new Completeness(ctx);
  const urls = await discoverArticles(ctx, kind, completeness);
  if (urls.length === 0) {
    ctx.skip(ctx.options.index_url, 'no article links found on the index page or in the sitemaps');
    return;
  }
  let next = 0;
  let done = 0;
  const hosts = new Set(urls.map((u) => new URL(u).host)).size;
  const take = (): (() => Promise<DocumentInput | undefined>) | undefined => {
    if (next >= urls.length) return undefined;
    const url = urls[next++];
    return async () => {
      const doc = await readArticle(ctx, kind, url, completeness);
      ctx.progress({ done: ++done, total: urls.length, message: url });
      return doc;
    };
  };
  for await (const doc of inParallel(take, ctx.options.max_in_flight * hosts, ctx.signal, true)) {
    if (doc) yield doc;
  }
  ctx.progress({ done: urls.length, total: urls.length });
}

/** Fetches and converts one article; undefined when it is unchanged, failed or unusable (each reported). */
async function readArticle(ctx: ParserContext<WordpressCommonOptions>, kind: WordpressSourceKind, url: string, completeness: Completeness): Promise<DocumentInput | undefined> {
  debug('fetching %s', url);
  const res = await ctx.http.get(url, { conditional: true, accept: ARTICLE_TYPES, signal: ctx.signal });
  if (isHttpFailure(res)) {
    completeness.pageFailed(url, res);
    return undefined;
  }
  if (res.status === 304) {
    ctx.unchanged(url);
    return undefined;
  }
  const text = await articleText(res, url, ctx.options, kind.pdfToMarkdown, ctx.signal);
  if ('skip' in text) {
    ctx.skip(url, text.skip);
    return undefined;
  }
  const metadata: Record<string, string> = { source: kind.sourceId, format: text.format };
  if (res.url !== url) metadata.final_url = res.url;
  const validators = validatorsOf(res);
  return {
    key: url,
    sourceUrl: url,
    title: text.title,
    content: text.content,
    textChars: text.textChars,
    docType: kind.docType,
    breadcrumb: [kind.breadcrumb],
    displayUrl: url,
    ...(validators ? { httpValidators: validators } : {}),
    metadata,
  };
}
