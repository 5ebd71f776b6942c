export { createAdvantageParser, wordpressAdvantageParser, advantageOptionsSchema, type AdvantageOptions } from './advantage-parser.js';
export { createKbParser, wordpressKbParser, kbOptionsSchema, type KbOptions } from './kb-parser.js';
export { extractPdfMarkdown, type PdfMarkdown, type PdfToMarkdown } from './pdf-markdown.js';
export { wordpressHttpSettings } from './wordpress-http.js';
