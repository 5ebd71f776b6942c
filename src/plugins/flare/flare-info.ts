import type { ParserInfo } from '../../plugin-api.js';
import { FlareOptionsSchema, type FlareOptions } from './options.js';

/** What the registry knows of the `flare` parser without loading it (its implementation: flare-parser.ts). */
export const flareInfo: ParserInfo<FlareOptions> = {
  type: 'flare',
  description: 'MadCap Flare source project (Content/ topics, Project/TOCs breadcrumbs, snippets, variables, conditions)',
  optionsSchema: FlareOptionsSchema,
  requiresPaths: true,
  // 2: embedded pages and videos (iframe, video) read as links instead of vanishing.
  version: '2',
};
