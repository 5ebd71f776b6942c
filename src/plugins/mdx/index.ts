export { mdxParser } from './mdx-parser.js';
export { MdxOptionsSchema } from './options.js';
export type { MdxOptions } from './options.js';
export { convertPage } from './markdown-convert.js';
export type { ConvertedPage, SourceFormat } from './markdown-convert.js';
export { docSlug, displayUrlFor } from './display-url.js';
