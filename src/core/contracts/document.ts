import { z } from 'zod';

/** A JSON value, as stored in the `metadata` jsonb column. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

/**
 * What a parser yields: one logical document (topic, file, article, PDF section, class).
 * Parsers fill what they know; the enrich step fills the rest (doc type, generations,
 * display URL, source label) before chunking.
 */
export const DocumentSchema = z.object({
  /** Stable identity of the document inside its source (for example its relative path). Unique per source. */
  key: z.string().trim().min(1, 'document key must not be empty'),
  /** Public identifier with a per-parser scheme (`flare://Content/a.htm`, `mdx-dwc://intro.md`, an https URL). */
  sourceUrl: z.string().trim().min(1, 'source_url must not be empty'),
  /** Human title of the document. May be empty when nothing better is known. */
  title: z.string().trim().default(''),
  /** Markdown body. Must contain more than whitespace. */
  content: z.string().refine((s) => s.trim().length > 0, 'content must not be empty'),
  /** Semantic document type; empty means "let enrichment classify it". */
  docType: z.string().trim().default(''),
  /** Product generations the document applies to; empty means "let enrichment decide". */
  generations: z.array(z.string().trim().min(1)).default([]),
  /** True when the document describes something deprecated or superseded. */
  deprecated: z.boolean().default(false),
  /** The parser's breadcrumb (TOC path, tutorial chapter, magazine name), outermost first. */
  breadcrumb: z.array(z.string().trim().min(1)).default([]),
  /** Clickable URL for citations; empty lets enrichment derive it from per-source settings. */
  displayUrl: z.string().trim().default(''),
  /** Display label of the source (for example `DWC Tutorial`); empty lets enrichment set it. */
  sourceType: z.string().trim().default(''),
  /**
   * HTTP cache validators of the page the document came from. Saved with the document's
   * manifest row in the same transaction, so a conditional request only skips what is stored.
   */
  httpValidators: z.object({ etag: z.string().optional(), lastModified: z.string().optional() }).optional(),
  /**
   * Small state the parser wants back on the next run (for example a crawled page's links, so
   * a 304 answer can still be followed). Saved with the manifest row, never embedded.
   */
  parserState: JsonValueSchema.optional(),
  /** Free metadata, stored as jsonb. Values must be JSON. */
  metadata: z.record(z.string(), JsonValueSchema).default({}),
});

/** A parsed document after defaults were applied. */
export type Document = z.output<typeof DocumentSchema>;
/** What a parser may construct: defaults may be omitted. */
export type DocumentInput = z.input<typeof DocumentSchema>;
