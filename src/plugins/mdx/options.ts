import { z } from 'zod';

/** Names skipped while walking a docs directory: dependencies and Docusaurus partials/hidden files. */
export const DEFAULT_IGNORE = ['node_modules', '_*', '.*'];

/** The `options` table of an `mdx` source in `sources.toml`. */
export const MdxOptionsSchema = z.strictObject({
  doc_type: z.string().trim().default('tutorial').describe('`doc_type` given to every document (enrichment may refine it only when this is empty).'),
  md_format: z.enum(['md', 'mdx', 'detect']).default('detect').describe('How `.md` files are read (`.mdx` files are always MDX): `mdx` as Docusaurus 3 does by default, `md` as CommonMark + GFM, `detect` as MDX only when the file uses MDX syntax (imports, JSX, expressions), so plain files keep Markdown-only features such as indented code.'),
  site: z.enum(['auto', 'docusaurus', 'docsify', 'plain']).default('auto').describe('The site generator the tree is published with: `docusaurus` (number prefixes stripped, Docusaurus routes, blog posts under `/blog/<slug>`), `docsify` (names kept, `#/path` routes, `?>`/`!>` callouts, `:include` links resolved, `_sidebar.md` groups as breadcrumbs) or `plain` (names kept, path routes). `auto` detects it per path from `docusaurus.config.*`, an `index.html` configuring `$docsify`, or `.mdx`/`_category_` files.'),
  ignore: z.array(z.string().trim().min(1)).default(DEFAULT_IGNORE).describe('Glob-ish patterns of files and directories to skip. A pattern without `/` matches any single name (`_*`); one with `/` matches the path relative to the docs directory (`blog/**`).'),
});

/** Validated options of the MDX parser. */
export type MdxOptions = z.output<typeof MdxOptionsSchema>;
