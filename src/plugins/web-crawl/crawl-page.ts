import type { CheerioAPI } from 'cheerio';
import type { DocumentInput, HttpValidators } from '../../plugin-api.js';
import { pageText } from '../../plugin-api.js';
import { pathUnder } from '../../plugin-api.js';
import { pageTitle, titleFromUrl } from '../../plugin-api.js';
import type { WebCrawlOptions } from './crawl-options.js';
import { crawlRoot } from './crawl-options.js';

/**
 * The document of one crawled page, or undefined when nothing is left after removing the
 * chrome. `metadata.topic_path` is the URL path under the crawl root, which mirrors Flare's
 * Content tree, so enrichment can treat it like a Flare topic path. The breadcrumb is the
 * page's TOC path when the help system's TOC lists it (as the Flare file parser does), else
 * the folders of its URL path.
 */
export function crawledDocument(
  $: CheerioAPI,
  key: string,
  finalUrl: string,
  depth: number,
  options: WebCrawlOptions,
  validators: HttpValidators | undefined,
  tocBreadcrumb?: string[],
): DocumentInput | undefined {
  const title = pageTitle($, options.site_names) || titleFromUrl(key) || 'Untitled';
  const { markdown: content, textChars } = pageText($, { pageUrl: finalUrl, contentSelectors: options.content_selectors, removeSelectors: options.remove_selectors });
  if (!content) return undefined;
  // The final URL: a directory URL redirected to its index page names that page.
  const topicPath = pathUnder(finalUrl, crawlRoot(options.base_url).href) ?? '';
  const sections = tocBreadcrumb ?? topicPath.split('/').filter(Boolean).slice(0, -1);
  return {
    key,
    sourceUrl: key,
    title,
    content,
    textChars,
    docType: '',
    breadcrumb: sections,
    displayUrl: key,
    ...(validators ? { httpValidators: validators } : {}),
    metadata: { source: 'web_crawl', topic_path: topicPath, section_path: sections.join(' > '), depth, toc: tocBreadcrumb !== undefined },
  };
}
