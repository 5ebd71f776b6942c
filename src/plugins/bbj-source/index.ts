export { bbjSourceParser } from './bbj-source-parser.js';
export { bbjSourceOptionsSchema, DEFAULT_EXTENSIONS, DEFAULT_EXCLUDE, type BbjSourceOptions } from './bbj-source-options.js';
export { decodeSource, type DecodedSource } from './source-decode.js';
export { notBbjCodeReason } from './code-filter.js';
export { headerComment } from './header-comment.js';
export { splitCodeSections, type CodeSection } from './code-structure.js';
export { sourceToMarkdown } from './source-markdown.js';
