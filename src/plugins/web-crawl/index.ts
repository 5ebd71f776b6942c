export { webCrawlParser, webCrawlHttpSettings } from './web-crawl-parser.js';
export { webCrawlOptionsSchema, FLARE_WEBHELP_CHROME, type WebCrawlOptions } from './crawl-options.js';
