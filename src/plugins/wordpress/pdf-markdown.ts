import { extractPdfSections } from '../../plugin-api.js';

/** Markdown of a PDF article, with the PDF's own title when it has one. */
export interface PdfMarkdown {
  /** Title from the PDF's metadata, if set. */
  title?: string;
  /** All sections joined, each under its heading. */
  markdown: string;
  /** Letters and digits of the PDF's text lines (for `Document.textChars`). */
  textChars: number;
}

/** Turns PDF bytes into Markdown; throws with a readable reason when the file is unusable. */
export type PdfToMarkdown = (bytes: Uint8Array, signal: AbortSignal) => Promise<PdfMarkdown>;

/**
 * The PDF parser's extraction, as one Markdown text per article: an article is one document
 * (keyed by its URL, so HTTP validators and `unchanged` apply to it); the chunker splits it by
 * the headings kept here.
 */
export const extractPdfMarkdown: PdfToMarkdown = async (bytes, signal) => {
  const pdf = await extractPdfSections(bytes, { signal });
  const markdown = pdf.sections
    .map((s) => [s.title ? `${'#'.repeat(Math.min(6, Math.max(2, s.level + 1)))} ${s.title}` : '', s.markdown].filter((t) => t.trim()).join('\n\n'))
    .filter((t) => t.trim())
    .join('\n\n');
  return { title: pdf.title, markdown, textChars: pdf.sections.reduce((n, s) => n + s.textChars, 0) };
};
