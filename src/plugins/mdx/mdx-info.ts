import type { ParserInfo } from '../../plugin-api.js';
import { MdxOptionsSchema, type MdxOptions } from './options.js';

/** What the registry knows of the `mdx` parser without loading it (its implementation: mdx-parser.ts). */
export const mdxInfo: ParserInfo<MdxOptions> = {
  type: 'mdx',
  description: 'Markdown sites (Docusaurus .md/.mdx, docsify, plain Markdown): front matter, MDX syntax removed, admonitions, callouts, includes and tab contents kept',
  optionsSchema: MdxOptionsSchema,
  requiresPaths: true,
  // 2: docsify includes go below the page title; web embeds stay links; JSX <code>/<strong>/<em> keep their marks.
  version: '2',
};
