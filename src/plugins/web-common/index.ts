export { ALWAYS_REMOVED, htmlToMarkdown, pageToMarkdown } from './html-to-markdown.js';
export type { PageToMarkdownOptions } from './html-to-markdown.js';
export { canonicalUrl, extractLinks, pathUnder } from './links.js';
export { parseSitemap, readSitemapPages, SITEMAP_TYPES } from './sitemap.js';
export type { SitemapEntries } from './sitemap.js';
export { pageTitle, stripSiteNames, titleFromUrl } from './title.js';
export { fetchForParse, looksLikeHtml, looksLikePdf, validatorsOf } from './fetch-page.js';
export type { WebParser } from './web-parser.js';
export { politeHttpSettings, politeOptions, type PoliteOptions } from './polite-options.js';
