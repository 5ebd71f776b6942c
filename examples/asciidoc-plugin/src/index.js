// Public entry point, for reuse and tests; bbj-rag itself only loads the hook.
export { asciidocParser } from './asciidoc-parser.js';
export { asciidocOptionsSchema } from './options.js';
export { convertAsciidoc } from './adoc-to-markdown.js';
