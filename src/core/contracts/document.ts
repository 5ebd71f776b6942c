import { z } from 'zod';
import type { RootContent } from 'mdast';

/** A JSON value, as stored in the `metadata` jsonb column. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValueSchema), z.record(z.string(), JsonValueSchema)]),
);

/** One top-level Markdown block of a document's content, with its offsets in that text. */
export interface ParsedBlock {
  /** The mdast node. Positions inside it are not used (they may point into the parser's own source). */
  node: RootContent;
  /** Offset of the block's first character in `ParsedMarkdown.text`. */
  start: number;
  /** Offset just after the block's last character. */
  end: number;
}

/** A parser's Markdown tree of the text it produced, handed to the chunker so it does not parse that text again. */
export interface ParsedMarkdown {
  /** The exact text the blocks describe; the chunker uses them only while `content` is still this text. */
  text: string;
  /** Top-level blocks in order. */
  blocks: ParsedBlock[];
}

const ParsedMarkdownSchema = z.custom<ParsedMarkdown>(
  (v) => typeof v === 'object' && v !== null && typeof (v as ParsedMarkdown).text === 'string' && Array.isArray((v as ParsedMarkdown).blocks),
  'parsedContent must be { text, blocks }',
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
  /**
   * The parser's Markdown tree of `content` (optional). Saves the chunker a parse; ignored when
   * an enricher changed `content`. Never stored and not part of the document's fingerprint.
   */
  parsedContent: ParsedMarkdownSchema.optional(),
  /**
   * Characters of readable text the parser read for this document (letters and digits of the
   * source after markup was removed). Stored in the manifest; `bbj report` compares it with the
   * letters and digits that reached the chunks, to find text that was lost.
   */
  textChars: z.number().int().nonnegative().optional(),
  /** Free metadata, stored as jsonb. Values must be JSON. */
  metadata: z.record(z.string(), JsonValueSchema).default({}),
});

/** A parsed document after defaults were applied. */
export type Document = z.output<typeof DocumentSchema>;
/** What a parser may construct: defaults may be omitted. */
export type DocumentInput = z.input<typeof DocumentSchema>;
