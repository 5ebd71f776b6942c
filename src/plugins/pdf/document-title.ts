import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { headingFlags, type LayoutStats } from './layout-stats.js';
import type { OutlineEntry } from './outline.js';
import type { TextLine } from './text-lines.js';

// Titles that templates and converters leave behind: they name no document.
const PLACEHOLDER = /^(?:untitled\b.*|my document|document\s*\d*|new document|title|presentation\s*\d*|slide\s*\d*|microsoft (?:word|powerpoint|excel) - .*|.*\.(?:docx?|odt|rtf|pptx?|xlsx?|indd|pdf|tex|dvi)|(?:adobe )?(?:acrobat|pdf) document)$/i;

/** True for a metadata title that names no document (`My Document`, `Untitled`, `Microsoft Word - x.docx`). */
export function isPlaceholderTitle(title: string): boolean {
  return PLACEHOLDER.test(title.trim());
}

/** The largest heading on the first page with text (a cover or title page), on at most three lines. */
function coverTitle(lines: TextLine[], stats: LayoutStats): string | undefined {
  const firstPage = lines.find((l) => !l.table)?.page;
  const page = lines.filter((l) => l.page === firstPage && !l.table);
  const flags = headingFlags(page, stats);
  const candidates = page.filter((_, i) => flags[i]);
  if (candidates.length === 0) return undefined;
  const top = Math.max(...candidates.map((l) => l.size));
  const at = page.findIndex((l, i) => flags[i] && l.size === top);
  const parts = [page[at]];
  for (let i = at + 1; i < page.length && parts.length < 3 && page[i].size === top && flags[i]; i++) parts.push(page[i]);
  return parts.map((l) => l.text).join(' ').replace(/\s+/g, ' ').trim() || undefined;
}

/**
 * The document's title: the metadata Title or XMP `dc:title`, unless it is a placeholder;
 * then the cover page's largest heading, then the first bookmark. Undefined when the file
 * has no title at all (callers fall back to the file name).
 */
export async function documentTitle(doc: PDFDocumentProxy, lines: TextLine[], stats: LayoutStats, outline: OutlineEntry[]): Promise<string | undefined> {
  const meta = await doc.getMetadata().catch(() => undefined);
  const info = meta?.info as { Title?: unknown } | undefined;
  let placeholder = false;
  for (const c of [info?.Title, meta?.metadata?.get('dc:title')]) {
    const t = typeof c === 'string' ? c.replace(/\s+/g, ' ').trim() : '';
    if (t && !isPlaceholderTitle(t)) return t;
    placeholder ||= t !== '';
  }
  // Without any title the file name is the better guess; a placeholder says the author never set one.
  return placeholder ? (coverTitle(lines, stats) ?? outline[0]?.title) : undefined;
}
