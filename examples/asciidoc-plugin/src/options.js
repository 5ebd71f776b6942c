import { z } from 'zod';

/**
 * `[sources.options]` of an asciidoc source. Unknown keys are refused so a typo is reported
 * by `bbj validate` instead of silently ignored.
 */
export const asciidocOptionsSchema = z
  .object({
    /** File extensions read (lower case, with the dot). */
    extensions: z.array(z.string().regex(/^\.[a-z0-9]+$/, 'an extension like ".adoc"')).min(1).default(['.adoc', '.asciidoc', '.asc']),
    /** Also read files whose name starts with "_" (by convention partials that other files include). */
    include_partials: z.boolean().default(false),
    /** Document attributes passed to Asciidoctor, as `-a name=value` would. */
    attributes: z.record(z.string(), z.string()).default({}),
    /** Files larger than this many bytes are skipped. */
    max_bytes: z.number().int().positive().default(5_000_000),
    /** Document type given to every document ("" lets enrichment decide). */
    doc_type: z.string().default(''),
  })
  .strict();
