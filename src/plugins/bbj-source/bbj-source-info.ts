import type { ParserInfo } from '../../plugin-api.js';
import { bbjSourceOptionsSchema, type BbjSourceOptions } from './bbj-source-options.js';

/** What the registry knows of the `bbj-source` parser without loading it (its implementation: bbj-source-parser.ts). */
export const bbjSourceInfo: ParserInfo<BbjSourceOptions> = {
  type: 'bbj-source',
  description: 'BBj source code files (.bbj .bbjt .src .arc .cdf .prc .aon .txt); one document per program',
  optionsSchema: bbjSourceOptionsSchema,
  requiresPaths: true,
};
