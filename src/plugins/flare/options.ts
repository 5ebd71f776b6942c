import { z } from 'zod';

/** The BBj help's TOC files, most authoritative first. */
export const DEFAULT_TOC_ORDER = ['basishelp', 'emhelp', 'bdthelp', 'pro5toc'];

/** Options of a `parser = "flare"` source. */
export const FlareOptionsSchema = z.strictObject({
  toc_order: z.array(z.string().trim().min(1)).default(DEFAULT_TOC_ORDER).describe('TOC file stems read after the target\'s master TOC, in this order; other `.fltoc` files follow alphabetically. The first placement of a topic wins.'),
  target: z.string().trim().min(1).optional().describe('The `.fltar` stem of the published online target (`HTML5-PRO`). Its `MasterToc` places topics first and its output settings shape display URLs. Default: the HTML5/WebHelp target that names a master TOC (the project\'s own master preferred).'),
  extensions: z.array(z.string().regex(/^\.?[A-Za-z0-9]+$/, 'an extension such as ".htm"')).min(1).default(['.htm', '.html']).describe('File extensions that may be topics; files used as snippets are never topics.'),
  exclude_conditions: z.array(z.string().trim().min(1)).default([]).describe('Condition tags (`Primary.Internal`) whose elements, and topics, are left out.'),
  exclude_dirs: z.array(z.string().trim().min(1)).optional().describe('Content-relative folders whose files are not topics unless a TOC links them. Default: every top-level Content folder whose name contains `resources` (`Resources`, `Z_Resources`).'),
  display_extension: z
    .string()
    .regex(/^\.[A-Za-z0-9]+$/)
    .optional().describe('Extension of published pages in display URLs (`.html` when the target publishes `.htm` topics as `.html`); default: keep the source extension.'),
});

/** Validated Flare options. */
export type FlareOptions = z.output<typeof FlareOptionsSchema>;
