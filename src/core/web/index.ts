// The web toolkit shared by the HTTP parsers (web-crawl, wordpress) and offered to third-party
// parsers through `bbj-rag/plugin`: HTML to Markdown, links, sitemaps, titles, fetching.
export { ALWAYS_REMOVED, htmlToMarkdown, pageText, pageToMarkdown } from './html-to-markdown.js';
export type { PageText, PageToMarkdownOptions } from './html-to-markdown.js';
export { canonicalUrl, extractLinks, pathUnder } from './links.js';
export { parseSitemap, readSitemapPages, SITEMAP_TYPES } from './sitemap.js';
export type { SitemapEntries } from './sitemap.js';
export { pageTitle, stripSiteNames, titleFromUrl } from './title.js';
export { fetchForParse, looksLikeHtml, looksLikePdf, validatorsOf } from './fetch-page.js';
export { Completeness, isGone } from './completeness.js';
export { inParallel } from './parallel.js';
export { politeHttpSettings, politeOptions, type PoliteOptions } from './polite-options.js';
export type { WebParser } from './web-parser.js';
