export { flareParser } from './flare-parser.js';
export { FlareOptionsSchema, DEFAULT_TOC_ORDER } from './options.js';
export type { FlareOptions } from './options.js';
