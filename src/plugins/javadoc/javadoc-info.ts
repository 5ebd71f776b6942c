import type { ParserInfo } from '../../plugin-api.js';
import { javadocOptionsSchema, type JavadocOptions } from './javadoc-options.js';

/** What the registry knows of the `javadoc` parser without loading it (its implementation: javadoc-parser.ts). */
export const javadocInfo: ParserInfo<JavadocOptions> = {
  type: 'javadoc',
  description: 'BBj API javadoc JSON ($BBJ_HOME/documentation/javadoc/*.json or paths); one document per class',
  optionsSchema: javadocOptionsSchema,
  requiresPaths: false,
};
