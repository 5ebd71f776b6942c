import createDebug from 'debug';
import { readableChars } from '../../plugin-api.js';
import { isLeaderLine, measureLayout, type LayoutStats } from './layout-stats.js';
import { linesToMarkdown } from './markdown-blocks.js';
import { readOutline } from './outline.js';
import { removeContentsPages } from './contents-pages.js';
import { documentTitle } from './document-title.js';
import { removePageFurniture, type PageLines } from './page-furniture.js';
import { openPdf, PdfUnusableError } from './pdf-loader.js';
import { splitByHeadings, splitByOutline, type RawSection } from './section-split.js';
import { extractTables } from './table-regions.js';
import { linesFromTextContent } from './text-lines.js';

const debug = createDebug('bbj:pdf');

/** One section of a PDF, rendered as Markdown. */
export interface PdfSection {
  /** Heading (outline title or detected heading); empty for the preamble or a document without headings. */
  title: string;
  /** Outline depth or heading rank from 1; 0 for the preamble or whole document. */
  level: number;
  /** Enclosing headings, outermost first (the document title not included). */
  parents: string[];
  /** First and last page of the section's text (1-based). */
  pageStart: number;
  pageEnd: number;
  /** Body as Markdown: paragraphs, code fences, sub-headings; may be empty for a heading-only entry. */
  markdown: string;
  /** Letters and digits of the text lines the section owns (heading lines included), before rendering. */
  textChars: number;
}

/** What `extractPdfSections` finds in one PDF. */
export interface PdfExtraction {
  /** The Title of the document information dictionary or XMP `dc:title`; when that is a placeholder, the cover page's title or the first bookmark. */
  title?: string;
  /** Number of pages. */
  pageCount: number;
  /** Where the sections came from. */
  structure: 'outline' | 'font-size' | 'none';
  /** Sections in document order. */
  sections: PdfSection[];
}

/** Tuning of the extraction. */
export interface PdfExtractOptions {
  /** Heading threshold for PDFs without an outline: font size / body size (default 1.15). */
  headingRatio?: number;
  /** Give up on a file after this many milliseconds (default 120 000). */
  timeoutMs?: number;
  /** Drop running headers, footers and page numbers (default true). */
  stripPageFurniture?: boolean;
  /** Stops the extraction. */
  signal?: AbortSignal;
}

/**
 * Extracts the text of a PDF as Markdown sections: by outline (bookmarks) when the file has
 * one, else by font-size headings, else as one section. Throws `PdfUnusableError` with a
 * readable reason for encrypted, corrupt, image-only or too slow files.
 */
export async function extractPdfSections(bytes: Uint8Array, options: PdfExtractOptions = {}): Promise<PdfExtraction> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const guard = <T>(p: Promise<T>): Promise<T> => withDeadline(p, deadline, options);
  const doc = await openPdf(bytes, guard);
  try {
    const pages: PageLines[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await guard(doc.getPage(n));
      const [, y0, , y1] = page.view;
      const content = await guard(page.getTextContent());
      pages.push({ page: n, bottom: Math.min(y0, y1), top: Math.max(y0, y1), lines: linesFromTextContent(content, n) });
      page.cleanup();
    }
    if (!pages.some((p) => p.lines.length > 0)) throw new PdfUnusableError('no extractable text (image-only or scanned PDF)');
    let kept = options.stripPageFurniture === false ? pages : removePageFurniture(pages);
    // Every page repeating the same text is content, not a running header.
    if (!kept.some((p) => p.lines.length > 0)) kept = pages;
    // Contents pages repeat the headings with page numbers: they would become sections of their own.
    const withoutContents = removeContentsPages(kept, doc.numPages);
    if (withoutContents.some((p) => p.lines.length > 0)) kept = withoutContents;
    const lines = kept.map(extractTables).flatMap((p) => p.lines);
    const stats = measureLayout(lines, options.headingRatio ?? 1.15);
    const entries = await guard(readOutline(doc));
    let structure: PdfExtraction['structure'] = entries.length > 0 ? 'outline' : 'font-size';
    const raw = entries.length > 0 ? splitByOutline(lines, entries, doc.numPages) : splitByHeadings(lines, stats);
    if (raw.length === 1) structure = 'none';
    const sections = raw.map((s) => render(s, stats)).filter((s, i) => i > 0 || s.markdown.trim().length > 0);
    if (sections.length === 0) throw new PdfUnusableError('no extractable text (only page headers, footers or leaders)');
    debug('%d pages, %s, %d sections', doc.numPages, structure, sections.length);
    return { title: await guard(documentTitle(doc, lines, stats, entries)), pageCount: doc.numPages, structure, sections };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

function render(s: RawSection, stats: LayoutStats): PdfSection {
  const pages = s.lines.map((l) => l.page);
  const pageStart = s.title ? s.page : (pages[0] ?? s.page);
  return {
    title: s.title,
    level: s.level,
    parents: s.parents,
    pageStart,
    pageEnd: pages.reduce((a, b) => Math.max(a, b), pageStart),
    markdown: linesToMarkdown(s.lines, stats, s.level + 1),
    textChars: sectionTextChars(s),
  };
}

/** Letters and digits of a section's lines, leaders left out (contents and index entries are dropped on purpose). */
function sectionTextChars(s: RawSection): number {
  let n = 0;
  for (const l of [...s.lines, ...(s.headingLines ?? [])]) {
    if (l.table) n += readableChars(l.table.flat().join(' '));
    else if (!isLeaderLine(l.text)) n += readableChars(l.text);
  }
  return n;
}

// pdf.js runs in this thread: a deadline checked between steps bounds a pathological file.
async function withDeadline<T>(p: Promise<T>, deadline: number, options: PdfExtractOptions): Promise<T> {
  // The loser of the race rejects later (`Transport destroyed`); that must not become an unhandled rejection.
  p.catch(() => {});
  options.signal?.throwIfAborted();
  const left = deadline - Date.now();
  if (left <= 0) throw new PdfUnusableError(`timed out after ${options.timeoutMs ?? 120_000} ms`);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfUnusableError(`timed out after ${options.timeoutMs ?? 120_000} ms`)), left);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
